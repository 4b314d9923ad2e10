/**
 * GET /api/health — liveness only: answers without touching LeadLex or the session. Also the
 * baseline the benchmark compares the logs proxy against.
 */
import { jsonOk } from "@/lib/http/json-response";

export function GET() {
  return jsonOk({ ok: true });
}
