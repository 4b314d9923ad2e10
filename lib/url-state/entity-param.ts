import { entityTypes, type EntityType } from "@/lib/model/workflow";

/**
 * The `entity` value every view's URL shares (`deal`, `Deal`, ` deal `). Its own module so a view
 * that reads only this does not load the workflow list's parser map into its first-load JS.
 */
export function isEntityType(value: string): value is EntityType {
  return (entityTypes as readonly string[]).includes(value);
}

export function readEntity(raw: string): EntityType | null {
  const value = raw.trim().toLowerCase();
  return isEntityType(value) ? value : null;
}
