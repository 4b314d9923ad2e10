/** The CI budget: the runs page's first-load JS may exceed the empty page's by this much. */
export const BUDGET_ABOVE_FLOOR_BYTES = 40 * 1024;
export const BUDGETED_ROUTE = "/workflows/[id]";

export const formatKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
