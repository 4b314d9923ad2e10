import { entityTypes, type EntityType } from "./workflow";

/**
 * CRM record ids: `{type}_{id}` (`deal_01KFFFBYJ8FB0H37XY6EZZ1X3K`), where the type is one of
 * LeadLex's trigger entities and the rest letters and digits, at most 64. The prefix is the only
 * part Runboard reads: it decides which workflows can hold the record's runs. The one allowlist,
 * used before an id goes into a link, a query to the run index or a message. Browser-safe.
 */
const ENTITY_ID = new RegExp(`^(${entityTypes.join("|")})_[A-Za-z0-9]{1,64}$`);

export interface ParsedEntityId {
  id: string;
  type: EntityType;
}

export function parseEntityId(value: string): ParsedEntityId | null {
  const match = ENTITY_ID.exec(value);
  return match ? { id: value, type: match[1] as EntityType } : null;
}

export function isEntityId(value: string): boolean {
  return ENTITY_ID.test(value);
}

export function recordPath(entityId: string): string {
  return `/records/${encodeURIComponent(entityId)}`;
}
