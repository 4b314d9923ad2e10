import type { ReactNode } from "react";

/**
 * An entity id as a link to its record's history. A plain anchor, not `next/link`: it costs the
 * runs pages' first load next to nothing, and the record page is rendered on the server anyway.
 * The id is encoded, never trusted: one that is no record id gets the record page's message.
 */
export function RecordLink({
  entityId,
  className,
  children,
}: {
  entityId: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a href={`/records/${encodeURIComponent(entityId)}`} className={className}>
      {children}
    </a>
  );
}
