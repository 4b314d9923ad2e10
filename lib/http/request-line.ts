/**
 * Request lines Next cannot serve, answered before it sees them (see `front-door.ts`):
 * - `TRACE`: the fetch standard forbids the method, so Next failed to build a Request from it and
 *   answered 500 on every route (Node's own parser already answers 400 to `TRACK` and other
 *   methods it does not know);
 * - `OPTIONS *`: a question about the server as a whole, which Next failed to parse as a URL;
 * - any other target that is not a path (`GET http://other.example/`): Next answered it with a
 *   308 to the host it named.
 */
export interface RequestLineRefusal {
  status: 400 | 405 | 501;
  reason: "method_not_allowed" | "asterisk_target" | "not_a_path";
  message: string;
  allow?: string;
}

const ALLOWED_METHODS = "GET, HEAD, POST";

export function refusalForRequestLine(method: string, target: string): RequestLineRefusal | null {
  if (method.toUpperCase() === "TRACE") {
    return {
      status: 405,
      reason: "method_not_allowed",
      message: "Runboard does not answer TRACE requests.",
      allow: ALLOWED_METHODS,
    };
  }
  if (target === "*") {
    return {
      status: 501,
      reason: "asterisk_target",
      message: "Runboard answers requests for its own paths only, not for the server as a whole.",
    };
  }
  if (!target.startsWith("/")) {
    return {
      status: 400,
      reason: "not_a_path",
      message: "The request must name a path on this site.",
    };
  }
  return null;
}
