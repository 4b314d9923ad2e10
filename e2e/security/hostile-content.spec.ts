import { expect, test } from "../support/fixtures";

/**
 * `wf_fault_hostile`: a well-formed answer whose content tries to break whoever renders it (markup
 * in names and messages, a 200,000-character value, 60 levels of nesting, RTL overrides and ZWJ
 * sequences, a 10,005-character entity id, `__proto__` among extra fields). It must all arrive as
 * inert text on a page that keeps working.
 */
const RUN_IDS = Array.from({ length: 7 }, (_, index) => `wfl_01HOSTILE0${index + 1}`);

test("hostile content from LeadLex renders as inert text and the page stays usable", async ({
  connectedPage: page,
}) => {
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));

  await page.goto("/workflows/wf_fault_hostile");
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: "Notify owner <img src=x onerror=alert(1)> on lost deals 🚀",
    }),
  ).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(RUN_IDS.length + 1);

  // Open every run: the error with markup, the huge value, the deep nesting, the unicode, the long
  // entity id, the extra fields.
  for (const runId of RUN_IDS) {
    await page.getByRole("button", { name: `Show details of run ${runId}` }).click();
    const details = page.getByRole("region", { name: `Details of run ${runId}` });
    await expect(details).toBeVisible();
  }
  await page.goto("/workflows/wf_fault_hostile?open=wfl_01HOSTILE01");
  // As text twice: after its code in the row, and whole in the run's details.
  const markup = "Unknown merge token <script>alert(1)</script><img src=x onerror=alert(1)>";
  await expect(page.locator("#run-wfl_01HOSTILE01").getByText(markup)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Details of run wfl_01HOSTILE01" }).getByText(markup),
  ).toBeVisible();

  // Nothing was injected and nothing ran.
  await expect(page.locator("img[src='x'], svg[onload], iframe, [onerror], [onload]")).toHaveCount(
    0,
  );
  expect(
    await page.evaluate(() => ({
      polluted: ({} as Record<string, unknown>).polluted,
      title: document.title,
    })),
  ).toEqual({ polluted: undefined, title: "Runs of wf_fault_hostile · Runboard" });

  // Still usable: a filter applies.
  await page.getByRole("button", { name: "Failed" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(rows).toHaveCount(2 + 1);

  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});
