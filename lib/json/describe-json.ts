/**
 * Pure descriptions of a parsed JSON value for the JSON viewer: what kind each node is, how big a
 * container is, how many children to reveal at a time and how far "Expand all" can safely go.
 * Nothing here recurses on the value, so a deeply nested value cannot overflow the stack.
 */
import { formatCount } from "@/lib/format/numbers";

export type JsonKind = "null" | "string" | "number" | "boolean" | "array" | "object" | "other";
export type ContainerKind = "array" | "object";

/** Children revealed per click: enough to scan, few enough that 10,000 items stay responsive. */
export const CHILD_PAGE_SIZE = 100;

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "object":
      return "object";
    default:
      return "other";
  }
}

export function isContainerKind(kind: JsonKind): kind is ContainerKind {
  return kind === "array" || kind === "object";
}

/** The child keys of a container: indexes for arrays, own enumerable keys for objects. */
export function containerKeys(value: unknown): string[] {
  if (Array.isArray(value)) return [];
  return typeof value === "object" && value !== null ? Object.keys(value) : [];
}

export function containerSize(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return containerKeys(value).length;
}

/**
 * The children at positions [start, end): `[key, value]` pairs, the key a number for arrays.
 * Reads own properties only, so a `__proto__` key from JSON.parse is shown as data, not followed.
 */
export function containerChildren(
  value: unknown,
  keys: readonly string[],
  start: number,
  end: number,
): Array<[key: string | number, child: unknown]> {
  const children: Array<[string | number, unknown]> = [];
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    for (let index = start; index < Math.min(end, items.length); index++) {
      children.push([index, items[index]]);
    }
    return children;
  }
  if (typeof value !== "object" || value === null) return children;
  for (const key of keys.slice(start, end)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    children.push([key, descriptor?.value]);
  }
  return children;
}

/** "3 keys", "1 key", "10,000 items". */
export function sizeLabel(kind: ContainerKind, size: number): string {
  const noun = kind === "array" ? "item" : "key";
  return `${formatCount(size)} ${noun}${size === 1 ? "" : "s"}`;
}

/** The collapsed form, written in JSON's own brackets: `{…}`, `[…]`; empty ones as `{}`, `[]`. */
export function collapsedBrackets(kind: ContainerKind, size: number): string {
  const [open, close] = brackets(kind);
  return size === 0 ? `${open}${close}` : `${open}…${close}`;
}

export function brackets(kind: ContainerKind): [open: string, close: string] {
  return kind === "array" ? ["[", "]"] : ["{", "}"];
}

/** How many children the next "Show N more" reveals. */
export function nextPageCount(total: number, shown: number, pageSize = CHILD_PAGE_SIZE): number {
  return Math.max(0, Math.min(pageSize, total - shown));
}

/** Pretty JSON for copying; null when the value cannot be written as JSON (a cycle, a BigInt). */
export function toJsonText(value: unknown): string | null {
  if (value === undefined) return null;
  try {
    const text: unknown = JSON.stringify(value, null, 2);
    return typeof text === "string" ? text : null;
  } catch {
    return null;
  }
}

/** Anything that is not plain JSON, shown for what it is rather than hidden. */
export function describeOther(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value.toString()}n`;
  if (typeof value === "number") return String(value);
  return `[${typeof value}]`;
}

export interface ExpandAllPlan {
  /** The expanded depth to render with: containers above this depth start open. */
  depth: number;
  /** False when opening every level would show more rows than the budget allows. */
  complete: boolean;
}

/**
 * How deep "Expand all" may open the tree while showing at most `budget` rows (each container
 * showing its first page of children). Walks level by level and stops once the budget is spent, so
 * a huge or cyclic value costs no more than the rows it could show.
 */
export function planExpandAll(
  value: unknown,
  budget: number,
  pageSize = CHILD_PAGE_SIZE,
): ExpandAllPlan {
  let frontier: unknown[] = [value];
  let rows = 1;
  let depth = 0;
  for (;;) {
    const next: unknown[] = [];
    let added = 0;
    for (const node of frontier) {
      const kind = jsonKind(node);
      if (!isContainerKind(kind)) continue;
      const keys = containerKeys(node);
      for (const [, child] of containerChildren(node, keys, 0, pageSize)) {
        added++;
        if (rows + added > budget) return { depth, complete: false };
        if (isContainerKind(jsonKind(child))) next.push(child);
      }
    }
    if (added === 0) return { depth, complete: true };
    rows += added;
    depth++;
    frontier = next;
  }
}

/** True when some child is a non-empty container, i.e. there is something to expand below. */
export function hasNestedContainers(value: unknown, pageSize = CHILD_PAGE_SIZE): boolean {
  const kind = jsonKind(value);
  if (!isContainerKind(kind)) return false;
  return containerChildren(value, containerKeys(value), 0, pageSize).some(
    ([, child]) => isContainerKind(jsonKind(child)) && containerSize(child) > 0,
  );
}
