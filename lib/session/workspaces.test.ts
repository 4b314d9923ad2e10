import { describe, expect, it } from "vitest";
import {
  activeWorkspace,
  checkWorkspaceLabel,
  refuseNewKey,
  summarise,
  withActive,
  withoutWorkspace,
  withWorkspaceAdded,
  type SessionWorkspace,
  type WorkspaceSet,
} from "./workspaces";

const ACME: SessionWorkspace = { id: "acme0000", label: "Acme", apiKey: "wbk_live_acme_key_0001" };
const GLOBEX: SessionWorkspace = {
  id: "globex00",
  label: "Globex",
  apiKey: "wbk_live_globex_key_1",
};
const BOTH: WorkspaceSet = withWorkspaceAdded(withWorkspaceAdded(null, ACME), GLOBEX);

describe("workspace labels", () => {
  it("are tidied, and named for the user when left empty", () => {
    expect(checkWorkspaceLabel("  Initech \t Ltd ", [ACME])).toEqual({
      ok: true,
      label: "Initech Ltd",
    });
    expect(checkWorkspaceLabel("", [])).toEqual({ ok: true, label: "Workspace 1" });
    expect(checkWorkspaceLabel(undefined, [ACME])).toEqual({ ok: true, label: "Workspace 2" });
    const taken = { ...GLOBEX, label: "Workspace 2" };
    expect(checkWorkspaceLabel("   ", [ACME, taken])).toEqual({ ok: true, label: "Workspace 3" });
  });

  it("refuse a name already used, whatever its case, with the name it clashes with", () => {
    expect(checkWorkspaceLabel("ACME", [ACME, GLOBEX])).toEqual({
      ok: false,
      message: "A workspace named “Acme” is already connected. Choose another name.",
    });
    expect(checkWorkspaceLabel("Ácme", [ACME]).ok).toBe(true);
  });

  it("refuse names too long or holding hidden characters", () => {
    expect(checkWorkspaceLabel("x".repeat(40), []).ok).toBe(true);
    expect(checkWorkspaceLabel("😀".repeat(40), []).ok).toBe(true);
    expect(checkWorkspaceLabel("x".repeat(41), [])).toMatchObject({
      ok: false,
      message: /too long/,
    });
    for (const hidden of ["Acme\u202Ex", "A\u200Bcme", "A\u0000cme", "A\u007Fcme", "A\uD800cme"]) {
      expect(checkWorkspaceLabel(hidden, []), JSON.stringify(hidden)).toMatchObject({
        ok: false,
        message: /invisible or control characters/,
      });
    }
  });
});

describe("the workspace set", () => {
  it("refuses a key it already holds, naming the workspace", () => {
    expect(refuseNewKey([ACME, GLOBEX], GLOBEX.apiKey)).toBe(
      "That key is already connected, as “Globex”.",
    );
    expect(refuseNewKey([ACME], GLOBEX.apiKey)).toBeNull();
  });

  it("makes an added workspace the active one, and switches only to one it holds", () => {
    expect(activeWorkspace(BOTH)).toBe(GLOBEX);
    const switched = withActive(BOTH, ACME.id);
    expect(switched && activeWorkspace(switched)).toBe(ACME);
    expect(withActive(BOTH, "removed0")).toBeNull();
  });

  it("keeps the others when one is removed, and is gone with the last", () => {
    const withoutGlobex = withoutWorkspace(BOTH, GLOBEX.id);
    expect(withoutGlobex).toEqual({ workspaces: [ACME], activeId: ACME.id });
    const withoutAcme = withoutWorkspace(BOTH, ACME.id);
    expect(withoutAcme).toEqual({ workspaces: [GLOBEX], activeId: GLOBEX.id });
    expect(withoutGlobex && withoutWorkspace(withoutGlobex, ACME.id)).toBeNull();
  });

  it("shows the browser labels and the keys' last four characters, never a key", () => {
    const summaries = summarise(BOTH);
    expect(summaries).toEqual([
      { id: ACME.id, label: "Acme", keyHint: "0001", active: false },
      { id: GLOBEX.id, label: "Globex", keyHint: "ey_1", active: true },
    ]);
    expect(JSON.stringify(summaries)).not.toContain("wbk_");
  });
});
