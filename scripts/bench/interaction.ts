import type { Page } from "@playwright/test";
import { interleaved } from "./interleave";
import { median, percentile } from "./stats";

/** A page that shows a runs table the bench can filter and page: Runboard's, or the floor's. */
export interface InteractionSurface {
  page: Page;
  /** Browser origin of the server behind it. */
  origin: string;
  /** Where the table of `workflowId` starts on `startPage` (1-based). */
  viewPath(workflowId: string, startPage: number): string;
  /** The emulator this surface's server calls, to read how long LeadLex took; null if none. */
  emulatorOrigin: string | null;
}

export interface InteractionScenario {
  name: string;
  surface: InteractionSurface;
  workflowId: string;
  /** The page the table starts on (1-based). */
  startPage: number;
  /**
   * `filter`: click the "Failed" chip. `next`: rest the pointer on "Next page" until the page has
   * fetched that page ahead (as both do on pointer, and Runboard also on focus), then click.
   */
  action: "filter" | "next";
}

export interface InteractionResult {
  name: string;
  action: InteractionScenario["action"];
  /** Click dispatch to the first frame painted after the new rows were in the table, ms. */
  samples: number[];
  median: number;
  p90: number;
  /** Click to the rows being in the DOM (before the frame), median ms. */
  domMedian: number;
  /** Requests for the new rows sent after the click: 1 for a filter, 0 for a prefetched page. */
  fetchesAfterClick: number[];
  /** Median time LeadLex (the emulator) took to answer those requests, when there were any. */
  upstreamMedian: number | null;
  /** React commits from the click to the new rows, median. */
  commitsMedian: number;
}

interface PaintTiming {
  clickAt: number;
  changedAt: number;
  paintedAt: number;
  /** React commits from the click to the rows being in the DOM. */
  commits: number;
}

/**
 * Counts React's commits through the hook React DevTools uses, which production builds of React
 * call too. Installed before the page's own scripts run, so React finds it when it starts.
 */
const COUNT_REACT_COMMITS = `(() => {
  let commits = 0;
  Object.defineProperty(window, "__benchReactCommits", { get: () => commits });
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberRoot() { commits += 1; },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };
})()`;

/**
 * Arms, inside the page, the watch for the rows to change: the click's own timestamp (same clock
 * as performance.now()) marks the start; a MutationObserver sees the row ids change with the table
 * no longer busy; the first task after the following animation frame marks the paint.
 *
 * Plain JavaScript in a string: tsx compiles functions with name helpers that do not exist in the
 * page, so a function passed to page.evaluate would fail there.
 */
const ARM_PAINT_WATCH = `(() => {
  const rowIds = () =>
    Array.from(document.querySelectorAll("tr[data-row]"), (row) => row.id).join(" ");
  const before = rowIds();
  const section = document.querySelector("section[aria-labelledby='runs-heading']");
  if (!section) throw new Error("No runs section on this page.");
  let clickAt = Number.NaN;
  let commitsAtClick = Number.NaN;
  window.addEventListener("click", (event) => {
    clickAt = event.timeStamp;
    commitsAtClick = window.__benchReactCommits;
  }, { capture: true, once: true });
  window.__benchPaint = new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error("The rows did not change in 10 s.")), 10000);
    const observer = new MutationObserver(() => {
      const table = section.querySelector("table");
      if (!table || table.getAttribute("aria-busy") === "true") return;
      const now = rowIds();
      if (now === before || now === "") return;
      observer.disconnect();
      const changedAt = performance.now();
      const commits = window.__benchReactCommits - commitsAtClick;
      requestAnimationFrame(() => {
        // The first task after this frame's rendering. A user-blocking task runs ahead of the
        // ordinary ones React's scheduler may already have queued, so their work is not counted.
        const done = () => {
          clearTimeout(timeout);
          resolve({ clickAt, changedAt, paintedAt: performance.now(), commits });
        };
        if (window.scheduler && window.scheduler.postTask) {
          window.scheduler.postTask(done, { priority: "user-blocking" });
        } else {
          const channel = new MessageChannel();
          channel.port1.onmessage = done;
          channel.port2.postMessage(null);
        }
      });
    });
    observer.observe(section, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-busy"],
    });
  });
})()`;

const READ_PAINT_TIMING = "window.__benchPaint";

interface UpstreamCall {
  seq: number;
  path: string;
  query: Record<string, string[]>;
  startedAt: number;
  finishedAt: number | null;
}

async function upstreamCallsSince(emulatorOrigin: string, seq: number): Promise<UpstreamCall[]> {
  const response = await fetch(`${emulatorOrigin}/__emulator/requests`);
  const { requests } = (await response.json()) as { requests: UpstreamCall[] };
  return requests.filter((call) => call.seq > seq);
}

interface Sample {
  total: number;
  dom: number;
  commits: number;
  fetches: number;
  upstream: number[];
}

/**
 * Each scenario `repetitions` times, interleaved: one click of every scenario per round, the
 * order rotating each round, so a busy spell on the machine lands on all of them alike.
 */
export async function measureInteractions(
  scenarios: readonly InteractionScenario[],
  repetitions: number,
): Promise<InteractionResult[]> {
  const samples: Sample[][] = scenarios.map(() => []);
  for (const page of new Set(scenarios.map((scenario) => scenario.surface.page))) {
    await page.addInitScript(COUNT_REACT_COMMITS);
  }
  for (const { index } of interleaved(repetitions, scenarios.length)) {
    (samples[index] as Sample[]).push(await measureOnce(scenarios[index] as InteractionScenario));
  }
  return scenarios.map((scenario, index) => {
    const own = samples[index] as Sample[];
    const totals = own.map((sample) => sample.total);
    const upstream = own.flatMap((sample) => sample.upstream);
    return {
      name: scenario.name,
      action: scenario.action,
      samples: totals,
      median: median(totals),
      p90: percentile(totals, 90),
      domMedian: median(own.map((sample) => sample.dom)),
      fetchesAfterClick: own.map((sample) => sample.fetches),
      commitsMedian: median(own.map((sample) => sample.commits)),
      upstreamMedian: upstream.length > 0 ? median(upstream) : null,
    };
  });
}

async function lastUpstreamSeq(emulatorOrigin: string | null): Promise<number> {
  if (!emulatorOrigin) return 0;
  const response = await fetch(`${emulatorOrigin}/__emulator/requests`);
  const { requests } = (await response.json()) as { requests: { seq: number }[] };
  return requests.at(-1)?.seq ?? 0;
}

async function measureOnce(scenario: InteractionScenario): Promise<Sample> {
  const { page, origin, emulatorOrigin } = scenario.surface;
  const targetPage = scenario.action === "next" ? scenario.startPage + 1 : 1;
  const targetStatus = scenario.action === "filter" ? "failed" : null;
  const isTargetFetch = (url: string) => {
    const parsed = new URL(url);
    return (
      parsed.pathname === `/api/workflows/${scenario.workflowId}/logs` &&
      Number(parsed.searchParams.get("page") ?? "1") === targetPage &&
      parsed.searchParams.get("status") === targetStatus
    );
  };

  // The next page is fetched ahead when the pointer reaches "Next page" (or, in Runboard's views
  // reached in the browser, at once): wait for that answer, whichever way it was asked for.
  const prefetched =
    scenario.action === "next"
      ? page.waitForResponse((response) => isTargetFetch(response.url()) && response.ok())
      : null;
  await page.goto(`${origin}${scenario.surface.viewPath(scenario.workflowId, scenario.startPage)}`);
  await page.locator("tr[data-row]").first().waitFor();
  await page.waitForLoadState("networkidle");
  if (prefetched) {
    await page.getByRole("button", { name: "Next page" }).hover();
    await prefetched;
  }
  const seqBefore = await lastUpstreamSeq(emulatorOrigin);

  let fetches = 0;
  const onRequest = (request: { url(): string }) => {
    if (isTargetFetch(request.url())) fetches += 1;
  };
  page.on("request", onRequest);
  await page.evaluate(ARM_PAINT_WATCH);
  const control =
    scenario.action === "filter"
      ? page
          .getByRole("group", { name: "Filter by status" })
          // "Failed", or "Failed 505" once the chip's count has come.
          .getByRole("button", { name: /^Failed(\s|$)/ })
      : page.getByRole("button", { name: "Next page" });
  await control.click();
  const timing = (await page.evaluate(READ_PAINT_TIMING)) as PaintTiming;
  page.off("request", onRequest);

  const upstream: number[] = [];
  if (emulatorOrigin) {
    for (const call of await upstreamCallsSince(emulatorOrigin, seqBefore)) {
      const calledPage = Number(call.query.page?.[0] ?? "1");
      const status = call.query.status?.[0] ?? null;
      if (call.finishedAt !== null && calledPage === targetPage && status === targetStatus) {
        upstream.push(call.finishedAt - call.startedAt);
      }
    }
  }
  return {
    total: timing.paintedAt - timing.clickAt,
    dom: timing.changedAt - timing.clickAt,
    commits: timing.commits,
    fetches,
    upstream,
  };
}
