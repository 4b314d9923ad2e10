import { useSessionWithKey } from "../support/dashboard";
import { demoKeys, expect, test } from "../support/fixtures";
import {
  lastCallSeq,
  settledCallsSince,
  startOwnApp,
  startOwnEmulator,
  type AppProcess,
  type EmulatorCall,
  type EmulatorProcess,
} from "../support/own-servers";

/**
 * Cancel on `/runs`: a 7-day window of every status needs a fill of hundreds of calls (wf_big
 * alone has ~58,000 runs in 7 days), which starts on its own for an Org key (well inside 20 % of
 * its day). Cancel must stop it, and the next fill must wait for "Spend". On servers of this
 * test's own, so no other test's fill, cache or calls mix in, with every LeadLex answer slowed
 * to 100 ms, so the fill is still running when Cancel is pressed.
 */
test.describe.configure({ mode: "serial" });

let emulator: EmulatorProcess;
let app: AppProcess;

test.beforeAll(async () => {
  emulator = await startOwnEmulator();
  app = await startOwnApp({ LEADLEX_API_URL: emulator.apiBaseUrl });
  await emulator.setLatency(100);
});

test.afterAll(async () => {
  await app?.stop();
  await emulator?.stop();
});

/** A fill's calls: pages past the first, 100 runs each (a sync or an estimate reads page 1). */
const isFillPage = (call: EmulatorCall) =>
  call.path.endsWith("/logs") &&
  call.query.per_page?.[0] === "100" &&
  Number(call.query.page?.[0] ?? "1") >= 2;

test("Cancel stops the running fill of /runs, and the next one waits to be confirmed", async ({
  browser,
}) => {
  // A cold index syncs every workflow before the first answer, on a machine shared with builds.
  test.slow();
  const context = await browser.newContext({ baseURL: app.origin });
  await useSessionWithKey(context, demoKeys.org_full);
  const page = await context.newPage();

  await page.goto("/runs?status=all&window=7d");
  const note = page.getByTestId("coverage-note");
  await expect(note.getByRole("status")).toContainText(/Filling the rest: [\d,]+ of about/);
  const progress = note.getByRole("progressbar", { name: "Filling the window" });
  await expect(progress).toBeVisible();
  const estimated = Number(await progress.getAttribute("max"));
  expect(estimated).toBeGreaterThan(100);

  await note.getByRole("button", { name: "Cancel" }).click();
  // Stopped, and asked again before anything more is spent.
  const spend = note.getByRole("button", { name: /^Spend [\d,]+ LeadLex calls?$/ });
  await expect(spend).toBeVisible();
  const stoppedAt = await lastCallSeq(emulator);
  const before = (await settledCallsSince(emulator, 0)).filter(isFillPage);
  expect(before.length).toBeGreaterThan(0);
  expect(before.length).toBeLessThan(estimated);

  // A reload answers from what was kept and syncs, but fills nothing without a yes.
  await page.reload();
  await expect(spend).toBeVisible();
  await expect(note.getByRole("progressbar")).toHaveCount(0);
  expect((await settledCallsSince(emulator, stoppedAt)).filter(isFillPage)).toEqual([]);
  await context.close();
});
