import { isEntityId } from "@/lib/model/entity-id";

/** Any scheme, so `https://…` and `localhost:3000/…`-style pastes are read as links. */
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const HOST_FIRST = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d+)?\//;

/**
 * What someone typed or pasted to find a CRM record: a bare id (`deal_01KFF…`), a Runboard record
 * link (`/records/deal_01KFF…`), or a LeadLex record link. LeadLex documents no format for those,
 * so a link is read for the last path segment, else the first query value, that is an entity id
 * (`https://app.leadlex.com/deals/deal_01KFF…`, `…/record?id=deal_01KFF…`). Null when none is.
 */
export function extractEntityId(input: string): string | null {
  const text = input.trim();
  if (text === "") return null;
  if (isEntityId(text)) return text;

  let url: URL;
  try {
    if (HAS_SCHEME.test(text)) url = new URL(text);
    else if (text.startsWith("/") || HOST_FIRST.test(text)) {
      url = new URL(text.startsWith("/") ? text : `https://${text}`, "https://x.invalid");
    } else return null;
  } catch {
    return null;
  }
  const segments = url.pathname.split("/").map(decodeSafely).reverse();
  const fromPath = segments.find((segment) => segment !== null && isEntityId(segment));
  if (fromPath) return fromPath;
  for (const value of url.searchParams.values()) {
    if (isEntityId(value.trim())) return value.trim();
  }
  return null;
}

function decodeSafely(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
