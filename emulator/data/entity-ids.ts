import { fmix32 } from "../prng";
import { encodeUlid, ULID_RANDOM_BYTES } from "../ulid";
import type { EntityType } from "../wire-types";

// CRM entities that trigger runs. Each workflow draws from a pool per workspace and entity type,
// so the same deal shows up across runs and across workflows of a workspace, as it would.

const FIRST_NAMES = [
  "Maria",
  "James",
  "Aisha",
  "Chen",
  "Lukas",
  "Priya",
  "Tomás",
  "Olivia",
  "Kwame",
  "Sofia",
  "Daniel",
  "Yuki",
  "Fatima",
  "Noah",
  "Ingrid",
  "Mateo",
  "Hannah",
  "Ravi",
  "Elena",
  "Samuel",
] as const;
const LAST_NAMES = [
  "Lopez",
  "Okafor",
  "Schmidt",
  "Nakamura",
  "Patel",
  "Dubois",
  "Kowalski",
  "Haddad",
  "Silva",
  "Johansson",
  "Murphy",
  "Rossi",
  "Kim",
  "Novak",
  "Mensah",
  "Fischer",
  "Garcia",
  "Larsen",
] as const;
const DOMAINS = [
  "northwind.io",
  "acmecorp.com",
  "globex.net",
  "initech.co",
  "umbrella-health.com",
  "stark-industries.io",
  "wayne-enterprises.com",
  "hooli.xyz",
  "vandelay.com",
  "piedpiper.io",
] as const;

const DAY_MS = 86_400_000;

export interface Person {
  name: string;
  email: string;
}

/** `deal_01J...`: a ULID whose time is the entity's creation, 20 to 560 days before `epochMs`. */
export function entityIdFor(
  type: EntityType,
  salt: number,
  index: number,
  epochMs: number,
): string {
  const h1 = fmix32(index ^ salt);
  const h2 = fmix32(h1 ^ 0x9e3779b9);
  const h3 = fmix32(h2 + index);
  const createdMs = epochMs - 20 * DAY_MS - (h1 % (540 * 86_400)) * 1000;
  const bytes = new Uint8Array(ULID_RANDOM_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, h2);
  view.setUint32(4, h3);
  view.setUint16(8, h1 & 0xffff);
  return `${type}_${encodeUlid(createdMs, bytes)}`;
}

export function personFor(salt: number, index: number): Person {
  const h = fmix32((index * 2654435761) ^ salt);
  const first = FIRST_NAMES[h % FIRST_NAMES.length] ?? "Alex";
  const last = LAST_NAMES[(h >>> 8) % LAST_NAMES.length] ?? "Doe";
  const domain = DOMAINS[(h >>> 16) % DOMAINS.length] ?? "example.com";
  const local = `${first}.${last}`.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return { name: `${first} ${last}`, email: `${local.toLowerCase()}@${domain}` };
}
