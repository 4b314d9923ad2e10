import "server-only";
import { AppError } from "@/lib/model/app-error";

/**
 * Reading a route handler's query string strictly. Our route handlers answer only our own browser
 * code, which sends only the parameters it knows, in canonical form. Anything else — `status[]=failed`,
 * a misspelt `perpage`, a repeated parameter, a malformed number — would otherwise be dropped or
 * guessed at without a word; it gets a 400 naming it.
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

/** The one value of each allowed parameter; a parameter given twice is a 400. */
export function singleValues(
  searchParams: URLSearchParams,
  allowed: readonly string[],
): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const name of allowed) {
    const all = searchParams.getAll(name);
    if (all.length > 1) {
      throw new AppError("bad_request", {
        message: `The parameter "${name}" was given more than once.`,
      });
    }
    values[name] = all[0];
  }
  return values;
}

export function strictInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) {
    throw new AppError("bad_request", {
      message: `The parameter "${name}" must be a whole number.`,
    });
  }
  return Number(value);
}
