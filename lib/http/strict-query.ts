import "server-only";
import { AppError } from "@/lib/model/app-error";

/**
 * Our route handlers answer only our own browser code, which sends only the parameters it knows.
 * Anything else — `status[]=failed`, a misspelt `perpage`, a parameter from some other API — would
 * otherwise be dropped without a word and answer an unfiltered page; it gets a 400 naming it.
 */
/** Next's cache-busting parameter: it adds it itself when a request carries an `RSC` header. */
const NEXT_OWN = new Set(["_rsc"]);

export function rejectUnknownParameters(
  searchParams: URLSearchParams,
  allowed: readonly string[],
): void {
  for (const name of searchParams.keys()) {
    if (!allowed.includes(name) && !NEXT_OWN.has(name)) {
      throw new AppError("bad_request", {
        message: `The parameter "${shorten(name)}" is not accepted here (accepted: ${allowed.join(", ")}).`,
      });
    }
  }
}

/** Echoes at most a short, printable prefix of a name the client sent. */
function shorten(name: string): string {
  const printable = name.replace(/[^\x20-\x7e]/g, "?");
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
