/**
 * Workflow ids: letters, digits, `_` and `-`, at most 64. The one allowlist, used by the gateway
 * before any id reaches an upstream URL (`lib/leadlex/upstream-url.ts`), by pages and route
 * handlers before they call it, and by the browser before an id goes into a link, so anything else
 * is refused with a message rather than sent on. Browser-safe.
 */
const WORKFLOW_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isWorkflowId(value: string): boolean {
  return WORKFLOW_ID.test(value);
}
