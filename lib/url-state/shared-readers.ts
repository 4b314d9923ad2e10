/**
 * Readers that more than one view's parser map uses. Each `*-view-state` module carries its whole
 * parser map, loader and words into the browser, so a view that needs only another view's reader
 * takes it from here (`/runs` reads a run id and an entity type without the other two maps).
 */
import { entityTypes, type EntityType } from "@/lib/model/workflow";

const RUN_ID = /^[A-Za-z0-9_-]{1,200}$/;

/** Enough to compare a handful of failures side by side; a link cannot open a whole page. */
export const MAX_OPEN_RUNS = 10;

/** `open=wfl_1,wfl_2`: the runs shown open, in the order given, each once; null when none. */
export function readRunIds(raw: string): string[] | null {
  const ids = new Set(
    raw
      .split(",")
      .map((id) => id.trim())
      .filter((id) => RUN_ID.test(id)),
  );
  return ids.size > 0 ? [...ids].slice(0, MAX_OPEN_RUNS) : null;
}

export const joinRunIds = (ids: string[]) => ids.join(",");

export function isEntityType(value: string): value is EntityType {
  return (entityTypes as readonly string[]).includes(value);
}

export function readEntity(raw: string): EntityType | null {
  const value = raw.trim().toLowerCase();
  return isEntityType(value) ? value : null;
}
