/** The CI budget: the runs page's first-load JS may exceed the empty page's by this much. */
export const BUDGET_ABOVE_FLOOR_BYTES = 40 * 1024;
export const BUDGETED_ROUTE = "/workflows/[id]";
/** Every route held to the budget: the runs page, and the runs across all workflows. */
export const BUDGETED_ROUTES = [BUDGETED_ROUTE, "/runs"] as const;

export const formatKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
