// What each demo key may do. Each maps to a label that is safe to log; the key strings themselves
// are never logged or echoed anywhere.
import { DEMO_KEYS, type DemoKeyLabel } from "./demo-keys";

export type WorkspaceId = "ws_a" | "ws_b";
export type PlanName = "starter" | "pro" | "org";
export type KeyLabel = DemoKeyLabel;

export const READ_WORKFLOWS = "read:workflows";

export interface DemoKey {
  label: KeyLabel;
  workspaceId: WorkspaceId;
  plan: PlanName;
  scopes: readonly string[];
  expired: boolean;
}

const KEY_TABLE: ReadonlyMap<string, DemoKey> = new Map<string, DemoKey>([
  [
    DEMO_KEYS.org_full,
    {
      label: "org_full",
      workspaceId: "ws_a",
      plan: "org",
      scopes: [READ_WORKFLOWS],
      expired: false,
    },
  ],
  [
    DEMO_KEYS.starter,
    {
      label: "starter",
      workspaceId: "ws_a",
      plan: "starter",
      scopes: [READ_WORKFLOWS],
      expired: false,
    },
  ],
  [
    DEMO_KEYS.no_scope,
    {
      label: "no_scope",
      workspaceId: "ws_a",
      plan: "pro",
      scopes: ["read:contacts"],
      expired: false,
    },
  ],
  [
    DEMO_KEYS.expired,
    { label: "expired", workspaceId: "ws_a", plan: "org", scopes: [READ_WORKFLOWS], expired: true },
  ],
  [
    DEMO_KEYS.other_workspace,
    {
      label: "other_workspace",
      workspaceId: "ws_b",
      plan: "org",
      scopes: [READ_WORKFLOWS],
      expired: false,
    },
  ],
]);

export function demoKeyByLabel(label: string): DemoKey | undefined {
  for (const key of KEY_TABLE.values()) if (key.label === label) return key;
  return undefined;
}

export type KeyResolution =
  | { kind: "missing"; label: "none" }
  | { kind: "unknown"; label: "unknown" }
  | { kind: "known"; label: KeyLabel; key: DemoKey };

const BEARER = /^Bearer +(\S+)$/i;

export function resolveAuthorization(header: string | undefined): KeyResolution {
  const token = header === undefined ? undefined : BEARER.exec(header.trim())?.[1];
  if (token === undefined) return { kind: "missing", label: "none" };
  const key = KEY_TABLE.get(token);
  if (key === undefined) return { kind: "unknown", label: "unknown" };
  return { kind: "known", label: key.label, key };
}
