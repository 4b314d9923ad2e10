import type { APIResponse } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * Per-user answers must not be stored by any shared cache: `private, no-store`, no `s-maxage`, and
 * none of the marks of a response Next served from its own cache.
 */
export function expectPrivate(response: APIResponse, label: string): void {
  const headers = response.headers();
  const cacheControl = headers["cache-control"] ?? "";
  expect(cacheControl, `${label}: Cache-Control`).toMatch(/\bprivate\b/);
  expect(cacheControl, `${label}: Cache-Control`).toMatch(/\bno-store\b/);
  expect(cacheControl, `${label}: Cache-Control`).not.toMatch(/s-maxage|public|immutable/);
  expect(headers["x-nextjs-cache"], `${label}: x-nextjs-cache`).toBeUndefined();
  expect(headers["x-nextjs-prerender"], `${label}: x-nextjs-prerender`).toBeUndefined();
  expect(headers["age"], `${label}: Age`).toBeUndefined();
}
