import "server-only";
import { AppError } from "@/lib/model/app-error";
import { isWorkflowId } from "@/lib/model/workflow-id";

/**
 * Builds every URL the gateway calls. Ids are allowlisted before they touch a URL: encoding alone
 * is not enough, because `encodeURIComponent("..")` is still `..` and `new URL()` would resolve it
 * to another endpoint, called with the same key. The final URL is then checked once more.
 */
export function assertWorkflowId(id: string): string {
  if (!isWorkflowId(id)) {
    throw new AppError("bad_request", {
      message: "That is not a valid workflow id (letters, digits, _ and - only, at most 64).",
    });
  }
  return id;
}

export type QueryValues = Record<string, string | number | boolean | undefined>;

/**
 * `segments` are path pieces after the base URL (e.g. `["v1", "workflows", id, "logs"]`); each must
 * already be an allowlisted token. Query values go through URLSearchParams only.
 */
export function buildUpstreamUrl(
  baseUrl: string,
  segments: string[],
  query: QueryValues = {},
): URL {
  const base = new URL(baseUrl);
  for (const segment of segments) {
    if (!isWorkflowId(segment)) {
      throw new AppError("bad_request", { message: "Refused to build an upstream URL." });
    }
  }
  const expectedPath = `${base.pathname.replace(/\/+$/, "")}/${segments.join("/")}`;
  const url = new URL(base.href);
  url.pathname = expectedPath;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  url.search = search.toString();

  // Belt and braces: the URL must still point where we meant it to.
  if (url.origin !== base.origin || url.pathname !== expectedPath) {
    throw new AppError("bad_request", { message: "Refused to build an upstream URL." });
  }
  return url;
}
