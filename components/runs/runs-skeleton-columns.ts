/** Placeholder widths of the runs table's columns, shared by the route skeleton and the table. */
export const RUNS_SKELETON_COLUMNS = ["w-4", "w-20", "w-16", "w-40", "w-28", "w-28"];
