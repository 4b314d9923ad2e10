import { InteractionFloor } from "./interaction-floor";
import { QueryProvider } from "./query-provider";

/** The interaction floor: a client page that fetches, filters and pages the same rows. */
export default async function InteractionFloorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { page } = await searchParams;
  return (
    <QueryProvider>
      <InteractionFloor workflowId={id} startPage={Math.max(1, Number(page) || 1)} />
    </QueryProvider>
  );
}
