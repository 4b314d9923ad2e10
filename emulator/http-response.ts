import type { ServerResponse } from "node:http";
import type { QuotaHeaders } from "./rate-limiter";

// Writing responses. The standard headers are set as soon as a request arrives (and updated once
// the key is counted), so every response carries them whichever path produced it.

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export function setRequestId(res: ServerResponse, requestId: string): void {
  res.setHeader("X-Request-ID", requestId);
}

export function setQuotaHeaders(res: ServerResponse, quota: QuotaHeaders): void {
  res.setHeader("X-RateLimit-Limit", String(quota.limit));
  res.setHeader("X-RateLimit-Remaining", String(quota.remaining));
  res.setHeader("X-RateLimit-Reset", String(quota.resetSec));
}

export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Length", String(Buffer.byteLength(body)));
  res.writeHead(status);
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): void {
  sendBody(res, status, JSON_CONTENT_TYPE, JSON.stringify(body), headers);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

export function sendEmpty(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Content-Length", "0");
  res.writeHead(status);
  res.end();
}
