import { anyHiddenCharacter } from "@/lib/text/hidden-characters";

/**
 * The workspaces one session holds: each a key with the label its user gave it, plus which one
 * is active. Pure list operations, so the rules (how many, which labels, no key twice) are tested
 * apart from the cookie. Every refusal is a sentence for the connect form.
 *
 * LeadLex documents no call that names a key's workspace, so the label is the workspace's name
 * here; `id` is a random handle for forms (switch, remove), never derived from the key.
 */

export interface SessionWorkspace {
  /** Random, 8 characters of base64url: what forms post to name a workspace. */
  id: string;
  label: string;
  apiKey: string;
}

export interface WorkspaceSet {
  workspaces: SessionWorkspace[];
  activeId: string;
}

/** What the browser may see of a workspace: never the key, only its last four characters. */
export interface WorkspaceSummary {
  id: string;
  label: string;
  keyHint: string;
  active: boolean;
}

/**
 * At most this many keys in one session. Chosen from the cookie size limit (browsers keep about
 * 4,096 bytes per cookie, name and attributes included): ten keys of the longest real format with
 * the longest labels seal to about 3.2 KB (`session-seal.test.ts` measures it), leaving room for
 * the attributes and a margin. Longer keys than LeadLex mints are still refused by size.
 */
export const MAX_WORKSPACES = 10;
export const MAX_LABEL_LENGTH = 40;

const WORKSPACE_ID = /^[A-Za-z0-9_-]{8}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWorkspaceId(value: unknown): value is string {
  return typeof value === "string" && WORKSPACE_ID.test(value);
}

export type LabelCheck = { ok: true; label: string } | { ok: false; message: string };

/**
 * A label as typed: spaces around and inside are tidied; empty means "name it for me"
 * (`Workspace 2`); hidden or direction-control characters are refused, since a label is what
 * tells two customers apart on screen.
 */
export function checkWorkspaceLabel(
  raw: string | undefined,
  existing: readonly SessionWorkspace[],
): LabelCheck {
  const label = (raw ?? "").replace(/\s+/g, " ").trim();
  if (label === "") return { ok: true, label: defaultLabel(existing) };
  if (Array.from(label).length > MAX_LABEL_LENGTH) {
    return {
      ok: false,
      message: `That name is too long: at most ${MAX_LABEL_LENGTH} characters.`,
    };
  }
  if (anyHiddenCharacter().test(label) || LONE_SURROGATE.test(label)) {
    return {
      ok: false,
      message: "That name holds invisible or control characters. Type it again.",
    };
  }
  const taken = existing.find((workspace) => sameLabel(workspace.label, label));
  if (taken) {
    return {
      ok: false,
      message: `A workspace named “${taken.label}” is already connected. Choose another name.`,
    };
  }
  return { ok: true, label };
}

/**
 * Why a key cannot join the set, checked before LeadLex is asked (no call is spent on it), or
 * null when it can.
 */
export function refuseNewKey(existing: readonly SessionWorkspace[], apiKey: string): string | null {
  const same = existing.find((workspace) => workspace.apiKey === apiKey);
  if (same) return `That key is already connected, as “${same.label}”.`;
  if (existing.length >= MAX_WORKSPACES) return fullMessage();
  return null;
}

export function fullMessage(): string {
  return `This session already holds ${MAX_WORKSPACES} workspaces, the most its cookie can carry. Remove one (Sign out ▸ Remove) before adding another.`;
}

/** The new workspace joins the set and becomes the active one. */
export function withWorkspaceAdded(
  set: WorkspaceSet | null,
  added: SessionWorkspace,
): WorkspaceSet {
  return { workspaces: [...(set?.workspaces ?? []), added], activeId: added.id };
}

export function withActive(set: WorkspaceSet, id: string): WorkspaceSet | null {
  return set.workspaces.some((workspace) => workspace.id === id) ? { ...set, activeId: id } : null;
}

/**
 * The set without one workspace, or null when none is left. Removing the active one makes the
 * first remaining one active.
 */
export function withoutWorkspace(set: WorkspaceSet, id: string): WorkspaceSet | null {
  const workspaces = set.workspaces.filter((workspace) => workspace.id !== id);
  if (workspaces.length === 0) return null;
  const activeId = set.activeId === id ? (workspaces[0]?.id ?? "") : set.activeId;
  return { workspaces, activeId };
}

export function activeWorkspace(set: WorkspaceSet): SessionWorkspace {
  const active = set.workspaces.find((workspace) => workspace.id === set.activeId);
  if (!active) throw new Error("a workspace set always holds its active workspace");
  return active;
}

export function summarise(set: WorkspaceSet): WorkspaceSummary[] {
  return set.workspaces.map(({ id, label, apiKey }) => ({
    id,
    label,
    keyHint: apiKey.slice(-4),
    active: id === set.activeId,
  }));
}

function defaultLabel(existing: readonly SessionWorkspace[]): string {
  for (let number = existing.length + 1; ; number++) {
    const label = `Workspace ${number}`;
    if (!existing.some((workspace) => sameLabel(workspace.label, label))) return label;
  }
}

function sameLabel(a: string, b: string): boolean {
  return a.localeCompare(b, "en", { sensitivity: "accent" }) === 0;
}
