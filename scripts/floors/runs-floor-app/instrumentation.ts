/**
 * Deliberately empty. Without an instrumentation file of its own, Turbopack builds the one at the
 * workspace root (Runboard's, which refuses to start without Runboard's configuration) into this
 * project.
 */
export function register(): void {}
