/**
 * Workflows recently opened in this browser, kept in localStorage (never sent to the server). The
 * stored text is treated as untrusted: another script, an older version or a hand edit may have
 * written anything there, so it is checked entry by entry and whatever does not fit is ignored.
 * The pure list operations are separate from the storage access so they can be tested alone.
 */
import { parseIsoInstant } from "@/lib/format/iso-instant";
import { cleanText, MAX_NAME_LENGTH } from "@/lib/text/clean-text";
import { isWorkflowId } from "@/lib/model/workflow-id";

export const RECENT_WORKFLOWS_KEY = "runboard:recent-workflows";
export const MAX_RECENT_WORKFLOWS = 8;
/** Same-tab writes announce themselves with this event; other tabs get the `storage` event. */
const CHANGE_EVENT = "runboard:recent-workflows-change";

export interface RecentWorkflow {
  id: string;
  name: string;
  /** ISO 8601 instant. */
  openedAt: string;
}

/** One stored entry, checked by hand: zod would add tens of kilobytes to the page for this. */
function readEntry(item: unknown): RecentWorkflow | null {
  if (typeof item !== "object" || item === null) return null;
  const { id, name, openedAt } = item as Record<string, unknown>;
  if (typeof id !== "string" || !isWorkflowId(id)) return null;
  if (typeof name !== "string" || name.length > MAX_NAME_LENGTH * 4) return null;
  if (typeof openedAt !== "string" || openedAt.length > 64 || !parseIsoInstant(openedAt))
    return null;
  return { id, name: cleanText(name, MAX_NAME_LENGTH), openedAt };
}

/** Reads stored text: valid entries only, one per id, newest first, at most eight. */
export function parseRecentWorkflows(raw: string | null): RecentWorkflow[] {
  if (raw === null) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const entries: RecentWorkflow[] = [];
  for (const item of data) {
    const entry = readEntry(item);
    if (entry) entries.push(entry);
  }
  return normalise(entries);
}

/** Adds or refreshes one entry at the top; the oldest fall off past eight. */
export function addRecentWorkflow(
  list: readonly RecentWorkflow[],
  entry: RecentWorkflow,
): RecentWorkflow[] {
  return normalise([entry, ...list.filter((item) => item.id !== entry.id)]);
}

function openedAtMs(entry: RecentWorkflow): number {
  return parseIsoInstant(entry.openedAt)?.getTime() ?? 0;
}

function normalise(entries: RecentWorkflow[]): RecentWorkflow[] {
  const seen = new Set<string>();
  return [...entries]
    .sort((a, b) => openedAtMs(b) - openedAtMs(a))
    .filter((entry) => {
      if (seen.has(entry.id)) return false;
      seen.add(entry.id);
      return true;
    })
    .slice(0, MAX_RECENT_WORKFLOWS);
}

// Storage access. Every call survives a browser that refuses localStorage (private modes, policies).

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(RECENT_WORKFLOWS_KEY);
  } catch {
    return null;
  }
}

function writeRaw(value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(RECENT_WORKFLOWS_KEY);
    else window.localStorage.setItem(RECENT_WORKFLOWS_KEY, value);
  } catch {
    // Nothing to remember with; the list simply stays as it was.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/**
 * Remembers that a workflow was opened now. `name` null (details unavailable) keeps the name
 * remembered from an earlier visit, or falls back to the id.
 */
export function rememberRecentWorkflow(id: string, name: string | null): void {
  if (!isWorkflowId(id)) return;
  const list = parseRecentWorkflows(readRaw());
  const previous = list.find((item) => item.id === id)?.name;
  const entry: RecentWorkflow = {
    id,
    name: cleanText(name ?? previous ?? id, MAX_NAME_LENGTH),
    openedAt: new Date().toISOString(),
  };
  writeRaw(JSON.stringify(addRecentWorkflow(list, entry)));
}

export function forgetRecentWorkflows(): void {
  writeRaw(null);
}

// For useSyncExternalStore: the snapshot must be the same array until the stored text changes.

let cachedRaw: string | null = null;
let cachedList: RecentWorkflow[] = [];
const EMPTY: RecentWorkflow[] = [];

export function getRecentWorkflowsSnapshot(): RecentWorkflow[] {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedList = parseRecentWorkflows(raw);
  }
  return cachedList;
}

/** The server has no localStorage: it renders the empty list, and so does hydration. */
export function getRecentWorkflowsServerSnapshot(): RecentWorkflow[] {
  return EMPTY;
}

export function subscribeRecentWorkflows(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === RECENT_WORKFLOWS_KEY || event.key === null) onChange();
  };
  window.addEventListener("storage", onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}
