/**
 * Any other /api/… address: our JSON 404 with the usual headers, instead of Next's HTML page
 * (which, outside the proxy's matcher, would carry none of them).
 */
import { AppError, jsonError } from "@/lib/http/json-response";

function notFound() {
  return jsonError(
    new AppError("not_found", { message: "There is no such API endpoint." }),
    "/api/[...path]",
  );
}

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
