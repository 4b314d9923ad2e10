/**
 * What Runboard does for each way LeadLex can fail: the one source of the fault tests'
 * expectations (`faults.spec.ts` asserts every row) and of the README's fault table
 * (`npm run docs:faults` writes it; `readme-fault-table.spec.ts` fails when it is stale).
 *
 * Times are for the test servers' budgets: 2 s per upstream attempt, 4 s per call, retries included.
 */

export const ATTEMPT_BUDGET_MS = 2_000;
export const TOTAL_BUDGET_MS = 4_000;
/** What a busy two-core test machine may add to an answer on top of the budget. */
export const MARGIN_MS = 1_500;

export interface FaultCase {
  /** The workflow id asked for. */
  id: string;
  /** `emulator`: the normal test server; `down`: the one whose LeadLex address refuses connections. */
  server: "emulator" | "down";
  /** README: what LeadLex does. */
  upstream: string;
  route: {
    status: number;
    /** Our error code, or null for a success. */
    code: string | null;
    /** Our message, word for word, or null for a success. */
    message: string | null;
    /** Whether the error carries LeadLex's `X-Request-ID` (a `req_…` id). */
    requestId: boolean;
    /** `Retry-After` we pass on, in seconds. */
    retryAfterSeconds?: number;
    /** The slowest acceptable answer, ms. */
    withinMs: number;
  };
  page: {
    /** The error panel's heading, or the workflow's name when the runs load. */
    heading: string;
    /** What the page offers to recover: a retry button, a countdown that retries by itself, or nothing needed. */
    recovery: "retry" | "countdown" | "none";
    /** Text the error panel shows word for word (asserted; quoted in the README). */
    shows?: string;
    /** README: anything else the page shows. */
    note?: string;
  };
}

const fast = 3_000;
const budget = TOTAL_BUDGET_MS + MARGIN_MS;
const PERSISTS =
  "Nothing was changed; try again, and quote the request id to LeadLex support if it persists.";

export const faultCases: FaultCase[] = [
  {
    id: "wf_fault_500",
    server: "emulator",
    upstream: "500 `internal_error`",
    route: {
      status: 502,
      code: "upstream_unavailable",
      message:
        "LeadLex reported an internal error (HTTP 500). Try again; if it persists, quote the request id to LeadLex support.",
      requestId: true,
      withinMs: fast,
    },
    page: { heading: "LeadLex is unavailable", recovery: "retry" },
  },
  {
    id: "wf_fault_flaky",
    server: "emulator",
    upstream: "503, then a normal answer (alternating)",
    route: { status: 200, code: null, message: null, requestId: false, withinMs: fast },
    page: {
      heading: "Notify owner on stalled deals",
      recovery: "none",
      note: "the runs: the gateway's retry absorbed the 503",
    },
  },
  {
    id: "wf_fault_badjson",
    server: "emulator",
    upstream: "200 with truncated JSON",
    route: {
      status: 502,
      code: "upstream_invalid_response",
      message:
        "LeadLex sent a response Runboard could not read. Nothing was changed; try again, and report the request id if it persists.",
      requestId: true,
      withinMs: fast,
    },
    page: { heading: "LeadLex sent an unreadable answer", recovery: "retry" },
  },
  {
    id: "wf_fault_schema",
    server: "emulator",
    upstream: "200 with the wrong shape",
    route: {
      status: 502,
      code: "upstream_invalid_response",
      message:
        "LeadLex sent a response Runboard could not read. Nothing was changed; try again, and report the request id if it persists.",
      requestId: true,
      withinMs: fast,
    },
    page: { heading: "LeadLex sent an unreadable answer", recovery: "retry" },
  },
  {
    id: "wf_fault_html",
    server: "emulator",
    upstream: "502 HTML page with a `<script>` and a stack trace",
    route: {
      status: 502,
      code: "upstream_unavailable",
      message:
        "LeadLex is temporarily unavailable (HTTP 502). This is usually brief; try again in a moment.",
      requestId: true,
      withinMs: fast,
    },
    page: {
      heading: "LeadLex is unavailable",
      recovery: "retry",
      note: "none of the HTML, script or trace",
    },
  },
  {
    id: "wf_fault_slow",
    server: "emulator",
    upstream: "answers after 15 s",
    route: {
      status: 504,
      code: "upstream_timeout",
      message: "LeadLex did not answer within 4 s, retries included. Try again in a moment.",
      requestId: false,
      withinMs: budget,
    },
    page: { heading: "LeadLex timed out", recovery: "retry" },
  },
  {
    id: "wf_fault_hang",
    server: "emulator",
    upstream: "never answers",
    route: {
      status: 504,
      code: "upstream_timeout",
      message: "LeadLex did not answer within 4 s, retries included. Try again in a moment.",
      requestId: false,
      withinMs: budget,
    },
    page: { heading: "LeadLex timed out", recovery: "retry" },
  },
  {
    id: "wf_fault_reset",
    server: "emulator",
    upstream: "destroys the connection",
    route: {
      status: 502,
      code: "upstream_unavailable",
      message:
        "The connection to LeadLex was cut before it answered. This is usually brief; try again.",
      requestId: false,
      withinMs: fast,
    },
    page: { heading: "LeadLex is unavailable", recovery: "retry" },
  },
  {
    id: "wf_fault_redirect",
    server: "emulator",
    upstream: "302 to `http://evil.example.invalid/steal`",
    route: {
      status: 502,
      code: "upstream_invalid_response",
      message:
        "LeadLex answered with a redirect, which Runboard never follows. Check LEADLEX_API_URL, then try again.",
      requestId: true,
      withinMs: fast,
    },
    page: {
      heading: "LeadLex sent an unreadable answer",
      recovery: "retry",
      note: "the redirect is not followed",
    },
  },
  {
    id: "wf_fault_429",
    server: "emulator",
    upstream: "429 `rate_limited`, `Retry-After: 30`",
    route: {
      status: 429,
      code: "rate_limited",
      message: "LeadLex rate limit reached for this key.",
      requestId: true,
      retryAfterSeconds: 30,
      withinMs: fast,
    },
    page: {
      heading: "Rate limit reached",
      recovery: "countdown",
      note: "“The limit resets in 30 s”",
    },
  },
  {
    id: "wf_fault_429_huge",
    server: "emulator",
    upstream: "429 `rate_limited`, `Retry-After: 999999999999`",
    route: {
      status: 429,
      code: "rate_limited",
      message: "LeadLex rate limit reached for this key.",
      requestId: true,
      retryAfterSeconds: 86_400,
      withinMs: fast,
    },
    page: {
      heading: "Rate limit reached",
      recovery: "countdown",
      shows: "The limit resets in 24 h 00 min",
      note: "the wait clamped to a day",
    },
  },
  {
    id: "wf_fault_deep",
    server: "emulator",
    upstream: "200, a run whose `action_result` is nested 8,000 levels deep",
    route: {
      status: 502,
      code: "upstream_invalid_response",
      message: `LeadLex sent a value nested more than 100 levels deep, which Runboard does not display. ${PERSISTS}`,
      requestId: true,
      withinMs: fast,
    },
    page: { heading: "LeadLex sent an unreadable answer", recovery: "retry" },
  },
  {
    id: "wf_fault_oversized_page",
    server: "emulator",
    upstream: "200 with 15,000 runs whatever `per_page` asks",
    route: {
      status: 502,
      code: "upstream_invalid_response",
      message: `LeadLex sent 15,000 runs for a page of 25; Runboard shows only the page it asked for. ${PERSISTS}`,
      requestId: true,
      withinMs: fast,
    },
    page: {
      heading: "LeadLex sent an unreadable answer",
      recovery: "retry",
      note: "`/api/health` keeps answering meanwhile",
    },
  },
  {
    id: "wf_fault_long_text",
    server: "emulator",
    upstream: "200, a run holding a 1,000,000-character string",
    route: {
      status: 502,
      code: "upstream_invalid_response",
      message: `LeadLex sent a text of 1,000,000 characters (Runboard accepts up to 250,000), which Runboard does not display. ${PERSISTS}`,
      requestId: true,
      withinMs: fast,
    },
    page: { heading: "LeadLex sent an unreadable answer", recovery: "retry" },
  },
  {
    id: "wf_fault_hostile",
    server: "emulator",
    upstream: "200 with markup, a 200,000-character value, 60-level nesting, tricky Unicode",
    route: { status: 200, code: null, message: null, requestId: false, withinMs: fast },
    page: {
      heading: "Notify owner <img src=x onerror=alert(1)> on lost deals 🚀",
      recovery: "none",
      note: "all 7 runs, markup as inert text: no dialog, no injected element",
    },
  },
  {
    id: "wf_01HY1",
    server: "down",
    upstream: "not running (connection refused)",
    route: {
      status: 502,
      code: "upstream_unavailable",
      message:
        "Runboard could not connect to LeadLex: the connection was refused. LeadLex may be down, or LEADLEX_API_URL may point at the wrong place; try again in a moment.",
      requestId: false,
      withinMs: fast,
    },
    page: { heading: "LeadLex is unavailable", recovery: "retry" },
  },
];

export function faultCaseTitle(fault: FaultCase): string {
  return fault.server === "down" ? "LeadLex down" : fault.id;
}

const recoveryWords: Record<FaultCase["page"]["recovery"], string> = {
  retry: "“Try again” button",
  countdown: "countdown, then automatic retry; “Try again” button",
  none: "",
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/**
 * The README table, before Prettier aligns it. Markup in headings is shown as code so the README
 * renders it as text too.
 */
export function renderFaultTable(cases: readonly FaultCase[] = faultCases): string {
  const header = [
    "| Fault | LeadLex does | `GET /api/workflows/{id}/logs` | Message | Request id | Page `/workflows/{id}` shows |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  const rows = cases.map((fault) => {
    const { route, page } = fault;
    const answer =
      route.code === null
        ? `${route.status}, the runs`
        : `${route.status} \`${route.code}\`${route.retryAfterSeconds ? `, \`Retry-After: ${route.retryAfterSeconds}\`` : ""}`;
    const timing = route.withinMs > 3_000 ? ` in ≤ ${(route.withinMs / 1000).toFixed(1)} s` : "";
    const heading = /[<>]/.test(page.heading) ? `\`${page.heading}\`` : `“${page.heading}”`;
    const shows = [
      heading,
      page.shows && `“${page.shows}”`,
      page.note,
      recoveryWords[page.recovery],
    ]
      .filter(Boolean)
      .join("; ");
    return `| ${[
      fault.server === "down" ? "LeadLex down" : `\`${fault.id}\``,
      fault.upstream,
      `${answer}${timing}`,
      route.message ?? "—",
      route.code === null ? "—" : route.requestId ? "yes" : "none (no answer)",
      shows,
    ]
      .map(cell)
      .join(" | ")} |`;
  });
  return [...header, ...rows].join("\n");
}

export const FAULT_TABLE_START = "<!-- fault-table:start -->";
export const FAULT_TABLE_END = "<!-- fault-table:end -->";
