/**
 * When a run happened, read from its id. LeadLex's run ids are `wfl_` and a ULID, whose first ten
 * characters are the millisecond it was made (the Crockford base32 alphabet, in ASCII order); a
 * run is written once, when it completes, but its id carries the instant it was triggered. The
 * docs call ids opaque, so an id of any other shape, or one whose time is implausible, says
 * nothing: callers then cannot tell where the run is.
 */
const RUN_ULID = /^wfl_([0-9A-HJKMNP-TV-Z]{10})[0-9A-HJKMNP-TV-Z]{16}$/;
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** LeadLex began in the 2010s; anything earlier is not a time this id was given. */
const EARLIEST_MS = Date.UTC(2015, 0, 1);
/** A clock a little ahead of ours is not a reason to refuse; a year ahead is. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

export function runIdTime(runId: string, nowMs = Date.now()): Date | null {
  const timeChars = RUN_ULID.exec(runId)?.[1];
  if (timeChars === undefined) return null;
  let ms = 0;
  for (const char of timeChars) ms = ms * 32 + CROCKFORD.indexOf(char);
  if (ms < EARLIEST_MS || ms > nowMs + FUTURE_SLACK_MS) return null;
  return new Date(ms);
}

/**
 * The `after` that counts the run itself and every run newer (LeadLex's `after` is inclusive and
 * to the second; `triggered_at` has second precision).
 */
export function afterIncluding(time: Date): string {
  return new Date(Math.floor(time.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * The page a run is on, newest first, given how many runs match the view's filters from its
 * second onwards (itself included). Runs triggered in the same second are ordered by id,
 * descending, so with ties it may be the page before; the caller checks the page it lands on.
 */
export function pageOfRun(runsFromItsSecond: number, perPage: number): number {
  return Math.max(1, Math.ceil(runsFromItsSecond / perPage));
}
