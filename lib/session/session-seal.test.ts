import { unsealData } from "iron-session";
import { describe, expect, it } from "vitest";
import { sessionCookieName } from "./cookie-name";
import { isWellFormedSeal } from "./seal-format";
import {
  MAX_SESSION_COOKIE_BYTES,
  readSessionContents,
  sealSessionContents,
  setCookieBytes,
  SINGLE_KEY_WORKSPACE_ID,
  type SessionContents,
} from "./session-seal";
import {
  MAX_LABEL_LENGTH,
  MAX_WORKSPACES,
  refuseNewKey,
  withWorkspaceAdded,
  type SessionWorkspace,
  type WorkspaceSet,
} from "./workspaces";

const SECRET = "unit-test-session-secret-0123456789abcdef";
const TWELVE_HOURS_S = 12 * 60 * 60;
const COOKIE = sessionCookieName(true);
const STAMP = {
  sessionId: "AAAAAAAAAAAAAAAAAAAAAA",
  issuedAtMs: Date.parse("2026-12-01T09:00:00Z"),
};

/** The longest key LeadLex mints (`wbk_live_` and 32 letters and digits), distinct per index. */
function longestRealKey(index: number): string {
  return `wbk_live_${String(index).padStart(2, "0")}${"Z9".repeat(15)}`;
}

/** The longest label the form accepts, in the costliest UTF-8: three bytes a character. */
function longestLabel(index: number): string {
  return `${index}`.padEnd(MAX_LABEL_LENGTH, "€");
}

function workspace(index: number, apiKey = longestRealKey(index)): SessionWorkspace {
  return { id: `ws${String(index).padStart(6, "0")}`, label: longestLabel(index), apiKey };
}

function setOf(count: number, key?: (index: number) => string): WorkspaceSet {
  let set: WorkspaceSet | null = null;
  for (let index = 0; index < count; index++) {
    set = withWorkspaceAdded(set, workspace(index, key?.(index)));
  }
  if (!set) throw new Error("at least one workspace");
  return set;
}

async function sealedCookie(set: WorkspaceSet): Promise<{ sealed: string; bytes: number }> {
  const sealed = await sealSessionContents({ ...set, ...STAMP }, SECRET, TWELVE_HOURS_S);
  return { sealed, bytes: setCookieBytes(COOKIE, sealed, TWELVE_HOURS_S - 60) };
}

describe("the session cookie with several workspaces", () => {
  it("stays under the browsers' 4 KB per cookie with the most keys a session may hold", async () => {
    const sizes: number[] = [];
    for (let count = 1; count <= MAX_WORKSPACES; count++) {
      const { sealed, bytes } = await sealedCookie(setOf(count));
      // And every one of them is a seal this server reads back.
      expect(isWellFormedSeal(sealed)).toBe(true);
      sizes.push(bytes);
    }
    // Each key adds its seal's share; the last stays under the limit with room to spare.
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(sizes.at(-1)).toBeLessThan(MAX_SESSION_COOKIE_BYTES - 512);
    // The figure the README quotes: five keys.
    expect(sizes[4]).toBeLessThan(2_200);
  });

  it("refuses a key beyond the limit, with a message saying why, before LeadLex is asked", () => {
    const full = setOf(MAX_WORKSPACES);
    expect(refuseNewKey(full.workspaces, longestRealKey(99))).toMatch(
      /already holds 10 workspaces, the most its cookie can carry\. Remove one/,
    );
    expect(refuseNewKey(setOf(MAX_WORKSPACES - 1).workspaces, longestRealKey(99))).toBeNull();
  });

  it("would pass the limit with keys of the longest length the form accepts, which the size check refuses", async () => {
    const longKey = (index: number) => `wbk_${String(index).padStart(2, "0")}${"x".repeat(194)}`;
    expect((await sealedCookie(setOf(MAX_WORKSPACES, longKey))).bytes).toBeGreaterThan(
      MAX_SESSION_COOKIE_BYTES,
    );
  });
});

describe("reading a session back", () => {
  async function roundTrip(contents: SessionContents): Promise<SessionContents | null> {
    const sealed = await sealSessionContents(contents, SECRET, 600);
    return readSessionContents(await unsealData(sealed, { password: SECRET, ttl: 600 }));
  }

  it("gives back every workspace and the active one", async () => {
    const set = setOf(3);
    const contents = { ...set, activeId: set.workspaces[1]?.id ?? "", ...STAMP };
    expect(await roundTrip(contents)).toEqual(contents);
  });

  it("reads a seal from before workspaces as one workspace, so a deploy signs nobody out", () => {
    expect(readSessionContents({ apiKey: "wbk_demo_org_full", keyHint: "full", ...STAMP })).toEqual(
      {
        workspaces: [
          { id: SINGLE_KEY_WORKSPACE_ID, label: "Workspace 1", apiKey: "wbk_demo_org_full" },
        ],
        activeId: SINGLE_KEY_WORKSPACE_ID,
        ...STAMP,
      },
    );
  });

  it("reads anything else as signed out", () => {
    const good = { ...setOf(2), ...STAMP };
    const [first, second] = good.workspaces as [SessionWorkspace, SessionWorkspace];
    const shape = { workspaces: good.workspaces, active: good.activeId, ...STAMP };
    const cases: Record<string, Record<string, unknown>> = {
      "no session id": { ...shape, sessionId: undefined },
      "no issue time": { ...shape, issuedAtMs: "now" },
      "no workspaces": { ...shape, workspaces: [] },
      "workspaces not a list": { ...shape, workspaces: { first } },
      "active names no workspace": { ...shape, active: "zzzzzzzz" },
      "two workspaces with one id": { ...shape, workspaces: [first, { ...second, id: first.id }] },
      "a key of the wrong format": { ...shape, workspaces: [{ ...first, apiKey: "sk_live_1" }] },
      "a key with spaces around": {
        ...shape,
        workspaces: [{ ...first, apiKey: ` ${first.apiKey}` }],
      },
      "an empty label": { ...shape, workspaces: [{ ...first, label: "" }] },
      "a label too long": { ...shape, workspaces: [{ ...first, label: "x".repeat(41) }] },
      "an id of the wrong shape": { ...shape, workspaces: [{ ...first, id: "../x" }] },
      "more workspaces than allowed": {
        ...shape,
        workspaces: setOf(MAX_WORKSPACES + 1).workspaces,
        active: first.id,
      },
      "a single-key seal with a bad key": { apiKey: "nope", ...STAMP },
    };
    for (const [label, data] of Object.entries(cases)) {
      expect(readSessionContents(data), label).toBeNull();
    }
    expect(readSessionContents(shape)).not.toBeNull();
  });
});
