import type { Page } from "@playwright/test";
import { connect, launchChromium } from "./browser";
import { median, percentile } from "./stats";

export interface InteractionScenario {
  name: string;
  workflowId: string;
  /** The page the table starts on (1-based). */
  startPage: number;
  /**
   * `filter`: click the "Failed" chip. `next`: rest the pointer on "Next page" until the app has
   * fetched that page ahead (as it does on pointer or focus), then click.
   */
  action: "filter" | "next";
}

export interface InteractionResult extends InteractionScenario {
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
}

interface PaintTiming {
  clickAt: number;
  changedAt: number;
  paintedAt: number;
}

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
  window.addEventListener("click", (event) => { clickAt = event.timeStamp; }, {
    capture: true,
    once: true,
  });
  window.__benchPaint = new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error("The rows did not change in 10 s.")), 10000);
    const observer = new MutationObserver(() => {
      const table = section.querySelector("table");
      if (!table || table.getAttribute("aria-busy") === "true") return;
      const now = rowIds();
      if (now === before || now === "") return;
      observer.disconnect();
      const changedAt = performance.now();
      requestAnimationFrame(() => {
        // The first task after this frame's rendering. A user-blocking task runs ahead of the
        // ordinary ones React's scheduler may already have queued, so their work is not counted.
        const done = () => {
          clearTimeout(timeout);
          resolve({ clickAt, changedAt, paintedAt: performance.now() });
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

export async function measureInteractions(
  origins: { browser: string; emulator: string },
  scenarios: readonly InteractionScenario[],
  repetitions: number,
): Promise<InteractionResult[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await connect(page, origins.browser);
    const results: InteractionResult[] = [];
    for (const scenario of scenarios) {
      results.push(await measureScenario(page, origins, scenario, repetitions));
    }
    return results;
  } finally {
    await browser.close();
  }
}

async function measureScenario(
  page: Page,
  origins: { browser: string; emulator: string },
  scenario: InteractionScenario,
  repetitions: number,
): Promise<InteractionResult> {
  const samples: number[] = [];
  const domSamples: number[] = [];
  const fetchesAfterClick: number[] = [];
  const upstream: number[] = [];
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

  for (let i = 0; i < repetitions; i++) {
    const query = scenario.startPage > 1 ? `?page=${scenario.startPage}` : "";
    const nextPage = scenario.action === "next" ? isTargetFetch : null;
    // The app fetches the next page ahead when the pointer reaches "Next page" (or, in views
    // reached in the browser, at once): wait for that answer, whichever way it was asked for.
    const prefetched = nextPage
      ? page.waitForResponse((response) => nextPage(response.url()) && response.ok())
      : null;
    await page.goto(`${origins.browser}/workflows/${scenario.workflowId}${query}`);
    await page.locator("tr[data-row]").first().waitFor();
    await page.waitForLoadState("networkidle");
    if (prefetched) {
      await page.getByRole("button", { name: "Next page" }).hover();
      await prefetched;
    }
    const { lastSeq } = await fetch(`${origins.emulator}/__emulator/requests`)
      .then((r) => r.json() as Promise<{ requests: { seq: number }[] }>)
      .then(({ requests }) => ({ lastSeq: requests.at(-1)?.seq ?? 0 }));

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
            .getByRole("button", { name: "Failed", exact: true })
        : page.getByRole("button", { name: "Next page" });
    await control.click();
    const timing = (await page.evaluate(READ_PAINT_TIMING)) as PaintTiming;
    page.off("request", onRequest);

    samples.push(timing.paintedAt - timing.clickAt);
    domSamples.push(timing.changedAt - timing.clickAt);
    fetchesAfterClick.push(fetches);
    for (const call of await upstreamCallsSince(origins.emulator, lastSeq)) {
      const page = Number(call.query.page?.[0] ?? "1");
      const status = call.query.status?.[0] ?? null;
      if (call.finishedAt !== null && page === targetPage && status === targetStatus) {
        upstream.push(call.finishedAt - call.startedAt);
      }
    }
  }

  return {
    ...scenario,
    samples,
    median: median(samples),
    p90: percentile(samples, 90),
    domMedian: median(domSamples),
    fetchesAfterClick,
    upstreamMedian: upstream.length > 0 ? median(upstream) : null,
  };
}
