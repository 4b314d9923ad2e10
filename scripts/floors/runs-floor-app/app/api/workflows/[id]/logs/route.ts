import { findFloorPage } from "../../../../../lib/floor-runs";

/** The interaction floor's rows: a lookup in memory, answered as Runboard's route answers. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const search = new URL(request.url).searchParams;
  const page = findFloorPage(id, Number(search.get("page") ?? "1"), search.get("status"));
  return Response.json(page ?? { error: "not in the floor's data" }, {
    status: page ? 200 : 404,
    headers: { "Cache-Control": "private, no-store" },
  });
}
