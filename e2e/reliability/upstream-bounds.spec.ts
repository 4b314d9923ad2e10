import { expect, test } from "../support/fixtures";

/**
 * Bodies beyond Runboard's bounds are refused quickly enough that nobody else notices. Before the
 * bounds, one page of 15,000 runs (`wf_fault_oversized_page`) held the event loop for 3.7 s on a
 * faster machine than this one, and `/api/health` waited as long. The fault table (`faults.spec.ts`)
 * checks each shape's message; this checks the server stays responsive while they are processed.
 */
const HOSTILE = ["wf_fault_oversized_page", "wf_fault_deep", "wf_fault_long_text"];

/**
 * Healthy answers on this shared two-core machine take tens of milliseconds and swing to a few
 * hundred under parallel suites; a blocked event loop takes seconds. The margin sits between.
 */
const HEALTHY_WITHIN_MS = 1_500;

test("/api/health keeps answering while hostile pages and API calls are processed", async ({
  connectedPage: page,
}) => {
  test.setTimeout(60_000);
  let hostileDone = false;
  const hostile = Promise.all(
    HOSTILE.flatMap((id) => [
      page.request.get(`/workflows/${id}`, { timeout: 30_000 }),
      page.request.get(`/workflows/${id}`, { timeout: 30_000 }),
      page.request.get(`/api/workflows/${id}/logs`, { timeout: 30_000 }),
    ]),
  ).finally(() => (hostileDone = true));

  const healthTimes: number[] = [];
  while (!hostileDone || healthTimes.length < 5) {
    const started = Date.now();
    const health = await page.request.get("/api/health");
    expect(health.status()).toBe(200);
    healthTimes.push(Date.now() - started);
  }

  for (const response of await hostile) {
    const url = new URL(response.url()).pathname;
    if (url.startsWith("/api/")) {
      expect(response.status(), url).toBe(502);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "upstream_invalid_response",
      );
    } else {
      expect(response.status(), url).toBe(200);
      expect(await response.text(), url).toContain("LeadLex sent an unreadable answer");
    }
  }
  expect(Math.max(...healthTimes), `health answered in ${healthTimes.join(", ")} ms`).toBeLessThan(
    HEALTHY_WITHIN_MS,
  );
});
