import "server-only";
import { DEMO_KEYS } from "@/emulator/demo-keys";

/**
 * The emulator's demo keys (`emulator/demo-keys.ts`), offered as one-click choices on `/connect`
 * when the upstream is the local emulator. The page sends only the label; the key string itself
 * never reaches the browser.
 */
export const demoKeys = [
  {
    label: "org_full",
    key: DEMO_KEYS.org_full,
    workspaceLabel: "Demo Org",
    title: "Org plan, full access",
    description: "The usual choice: every workflow and run in the demo workspace.",
  },
  {
    label: "starter",
    key: DEMO_KEYS.starter,
    workspaceLabel: "Demo Starter",
    title: "Starter plan",
    description: "Same workspace, 10 calls a minute: see how rate limits look.",
  },
  {
    label: "other_workspace",
    key: DEMO_KEYS.other_workspace,
    workspaceLabel: "Other demo workspace",
    title: "Another workspace",
    description: "A second workspace with its own workflows.",
  },
  {
    label: "no_scope",
    key: DEMO_KEYS.no_scope,
    workspaceLabel: "Demo without scope",
    title: "Key without read:workflows",
    description: "Valid, but lacks the scope: shows the permission message.",
  },
  {
    label: "expired",
    key: DEMO_KEYS.expired,
    workspaceLabel: "Expired demo",
    title: "Expired key",
    description: "Shows what happens when a key has expired.",
  },
] as const;

export type DemoKeyLabel = (typeof demoKeys)[number]["label"];

export function demoKeyFor(label: string): string | null {
  return demoKeys.find((demo) => demo.label === label)?.key ?? null;
}

/** The name a demo key's workspace gets in the session when none is typed. */
export function demoWorkspaceLabelFor(label: string | undefined): string | undefined {
  return demoKeys.find((demo) => demo.label === label)?.workspaceLabel;
}

/** What the browser may see of the demo keys: labels and words, no key strings. */
export function demoKeyChoices() {
  return demoKeys.map(({ label, title, description }) => ({ label, title, description }));
}
