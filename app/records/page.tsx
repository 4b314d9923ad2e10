import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RecordIdRefused } from "@/components/records/record-id-refused";
import { recordPath } from "@/lib/model/entity-id";
import { extractEntityId } from "@/lib/records/extract-entity-id";
import { requireApiKey } from "@/lib/session/session";
import { searchStringOf } from "@/lib/url-state/url-params";

export const metadata: Metadata = { title: "Find a record" };

/**
 * Where the header's "Find a record" form lands (`/records?id=…`): an entity id or a record link
 * goes on to that record's page; anything else is answered here, keeping what was typed. No
 * LeadLex call is made before the id has passed the allowlist.
 */
export default async function FindRecordPage({ searchParams }: PageProps<"/records">) {
  const raw = await searchParams;
  await requireApiKey(`/records${searchStringOf(raw)}`);
  const given = (Array.isArray(raw.id) ? raw.id[0] : raw.id) ?? "";
  const entityId = extractEntityId(given);
  if (entityId !== null) redirect(recordPath(entityId));
  return <RecordIdRefused given={given} />;
}
