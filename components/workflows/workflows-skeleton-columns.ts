/**
 * Placeholder widths of the workflow list's columns, for the route skeleton and the list's own.
 * A plain module: the server's loading page cannot read values out of a client module.
 */
export const WORKFLOWS_SKELETON_COLUMNS = ["w-56", "w-20", "w-36", "w-72", "w-24"];
