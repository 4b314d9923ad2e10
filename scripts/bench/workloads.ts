/** What the bench asks for: the emulator's seeded workflows, a small one and a huge one. */
export const SMALL_WORKFLOW = "wf_01HY1";
/** Its name, which the runs page must show: proof that the page rendered signed in. */
export const SMALL_WORKFLOW_NAME = "Notify owner on lost deals";
export const BIG_WORKFLOW = "wf_big";
export const BIG_WORKFLOW_RUNS = 1_000_000;
export const BIG_LAST_PAGE = 40_000;
export const PER_PAGE = 25;

/** Runboard's logs route for one page (page 1 is the default, so it has no `page` parameter). */
export function runboardLogsPath(workflowId: string, page: number): string {
  return `/api/workflows/${workflowId}/logs${page > 1 ? `?page=${page}` : ""}`;
}

/** The same page straight from the LeadLex emulator, below `apiBaseUrl`. */
export function leadlexLogsPath(workflowId: string, page: number): string {
  return `/v1/workflows/${workflowId}/logs?page=${page}&per_page=${PER_PAGE}`;
}
