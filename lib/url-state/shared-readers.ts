/**
 * Readers that more than one view's parser map uses. Each `*-view-state` module carries its whole
 * parser map, loader and words into the browser, so a view that needs only another view's reader
 * takes it from here (`/runs` reads a run id and an entity type without the other two maps).
 */
import { entityTypes, type EntityType } from "@/lib/model/workflow";

const RUN_ID = /^[A-Za-z0-9_-]{1,200}$/;

export function readRunId(raw: string): string | null {
  return RUN_ID.test(raw) ? raw : null;
}

export function isEntityType(value: string): value is EntityType {
  return (entityTypes as readonly string[]).includes(value);
}

export function readEntity(raw: string): EntityType | null {
  const value = raw.trim().toLowerCase();
  return isEntityType(value) ? value : null;
}
