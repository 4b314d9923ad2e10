import type { BrowserContext, Page } from "@playwright/test";
import { connectWithKey, demoKeys, expect, test } from "../support/fixtures";
import { expectPrivate } from "../support/private-headers";

/** Each URL as a document and as the RSC payload a client navigation fetches. */
const RSC_VARIANTS: Record<string, string>[] = [{}, { RSC: "1" }];
/**
 * Two users at once, one per workspace, their requests interleaved and concurrent: neither ever
 * sees the other's workflows or runs, and nothing they get is cacheable by anyone in between.
 */

interface User {
  label: string;
  context: BrowserContext;
  page: Page;
  /** Our own workflow to open, and the other workspace's one we must not see into. */
  own: string;
  foreign: string;
}

interface WorkspaceData {
  names: string[];
  runIds: string[];
}

async function signIn(context: BrowserContext, key: string): Promise<Page> {
  const page = await context.newPage();
  await connectWithKey(page, key);
  await expect(page.getByRole("heading", { name: "Workflows", level: 1 })).toBeVisible();
  return page;
}

/** What a user's workspace holds, read through our own API: the strings the other must never get. */
async function workspaceData(user: User): Promise<WorkspaceData> {
  const list = (await (await user.page.request.get("/api/workflows?per_page=100")).json()) as {
    workflows: { id: string; name: string }[];
  };
  const runs = (await (
    await user.page.request.get(`/api/workflows/${user.own}/logs?per_page=100`)
  ).json()) as { runs: { id: string }[] };
  expect(list.workflows.length).toBeGreaterThan(0);
  expect(runs.runs.length).toBeGreaterThan(0);
  return { names: list.workflows.map((w) => w.name), runIds: runs.runs.map((r) => r.id) };
}

test("two users in two workspaces never see each other's data", async ({ browser }) => {
  test.setTimeout(90_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [contextA, contextB] = contexts as [BrowserContext, BrowserContext];
  const a: User = {
    label: "org_full",
    context: contextA,
    page: await signIn(contextA, demoKeys.org_full),
    own: "wf_01HY1",
    foreign: "wf_02HZ1",
  };
  const b: User = {
    label: "other_workspace",
    context: contextB,
    page: await signIn(contextB, demoKeys.other_workspace),
    own: "wf_02HZ1",
    foreign: "wf_01HY1",
  };
  const data = new Map([
    [a, await workspaceData(a)],
    [b, await workspaceData(b)],
  ]);
  // A name both workspaces happen to use proves nothing either way.
  const shared = new Set(data.get(a)?.names.filter((name) => data.get(b)?.names.includes(name)));
  for (const workspace of data.values()) {
    workspace.names = workspace.names.filter((name) => !shared.has(name));
  }

  const paths = (user: User) => [
    "/",
    "/?per_page=50",
    "/api/workflows",
    "/api/workflows?per_page=100",
    `/workflows/${user.own}`,
    `/workflows/${user.own}?per_page=100`,
    `/api/workflows/${user.own}/logs?per_page=100`,
    `/workflows/${user.foreign}`,
    `/api/workflows/${user.foreign}/logs`,
  ];

  let checked = 0;
  for (let round = 0; round < 3; round++) {
    for (let index = 0; index < paths(a).length; index++) {
      // Both users' requests for the same kind of URL, at the same moment.
      const answers = await Promise.all(
        [a, b].flatMap((user) =>
          RSC_VARIANTS.map(async (headers) => {
            const path = paths(user)[index] as string;
            const response = await user.page.request.get(path, { headers });
            return { user, path, headers, response, body: await response.text() };
          }),
        ),
      );
      for (const { user, path, headers, response, body } of answers) {
        const label = `${user.label} ${path}${"RSC" in headers ? " (RSC)" : ""}`;
        const other = data.get(user === a ? b : a) as WorkspaceData;
        expect(response.status(), label).toBeLessThan(500);
        expectPrivate(response, label);
        expect(
          other.names.filter((name) => appearsIn(body, name)),
          label,
        ).toEqual([]);
        expect(
          other.runIds.filter((id) => body.includes(id)),
          label,
        ).toEqual([]);
        if (path.includes(user.foreign) && path.startsWith("/api/")) {
          expect(response.status(), label).toBe(404);
        }
        checked++;
      }
    }
  }

  // And in the browser, each sees their own list only.
  for (const user of [a, b]) {
    await user.page.goto("/");
    for (const name of (data.get(user === a ? b : a) as WorkspaceData).names) {
      await expect(user.page.getByText(name, { exact: true })).toHaveCount(0);
    }
    await expect(
      user.page.getByText((data.get(user) as WorkspaceData).names[0] as string).first(),
    ).toBeVisible();
  }
  test.info().annotations.push({ type: "isolation", description: `${checked} responses checked` });
  await Promise.all(contexts.map((context) => context.close()));
});

/** As written, HTML-escaped, or JSON-escaped (RSC payloads). */
function appearsIn(body: string, text: string): boolean {
  const html = text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
  const json = JSON.stringify(text).slice(1, -1);
  return [text, html, json].some((form) => body.includes(form));
}
