/**
 * GET /api/health — liveness only: answers without touching LeadLex or the session. Also the
 * baseline the benchmark compares the logs proxy against.
 */
export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "private, no-store" } });
}
