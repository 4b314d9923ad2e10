import "server-only";
import { AppError } from "@/lib/model/app-error";

/**
 * Reads a route handler's query string strictly: our own browser code only ever sends canonical
 * values, so anything else (a repeated parameter, a malformed number) is a 400, not a guess.
 */
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
