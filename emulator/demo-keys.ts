/**
 * The demo keys the emulator accepts, by the label that is safe to log and to show. The one list:
 * the emulator's key table, the connect page's one-click demo keys, the tests and the scripts all
 * read it. None of these keys works against the real LeadLex.
 */
export const DEMO_KEYS = {
  org_full: "wbk_demo_org_full",
  starter: "wbk_demo_starter",
  no_scope: "wbk_demo_no_scope",
  expired: "wbk_demo_expired",
  other_workspace: "wbk_demo_other_workspace",
} as const;

export type DemoKeyLabel = keyof typeof DEMO_KEYS;
