import { notFound } from "next/navigation";
import { connection } from "next/server";
import { findFloorPage } from "../../../lib/floor-runs";
import { FLOOR_COLUMNS, formatDuration, formatTriggered, reasonOf } from "../../../lib/run-cells";

/**
 * The render floor: the runs page's 25-row table and nothing else, rendered on the server from
 * data in memory. No session, no upstream call, no client component.
 */
export default async function RenderFloorPage({ params }: { params: Promise<{ id: string }> }) {
  // Rendered per request, as Runboard's page is (it reads the session cookie).
  await connection();
  const { id } = await params;
  const page = findFloorPage(id, 1, null);
  if (!page) notFound();
  return (
    <section aria-labelledby="runs-heading" className="space-y-4">
      <h1 id="runs-heading" className="text-lg font-semibold">
        Runs of {id}
      </h1>
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full border-collapse text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              {FLOOR_COLUMNS.map((name) => (
                <th key={name} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.runs.map((run) => (
              <tr key={run.id} id={`run-${run.id}`} data-row className="border-t border-slate-200">
                <td className="px-3 py-2 whitespace-nowrap">
                  <time dateTime={run.triggeredAt}>{formatTriggered(run.triggeredAt)}</time>
                </td>
                <td className="px-3 py-2">{run.status}</td>
                <td className="px-3 py-2">
                  {run.entityType} <span className="font-mono text-xs">{run.entityId}</span>
                </td>
                <td className="px-3 py-2 font-mono text-xs">{reasonOf(run)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatDuration(run.durationMs)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
