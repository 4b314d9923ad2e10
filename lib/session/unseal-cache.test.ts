import { sealData } from "iron-session";
import { describe, expect, it } from "vitest";
import { malformedSeals } from "@/e2e/support/malformed-seals";
import { unsealRemembered } from "./unseal-cache";

const SECRET = "unit-test-session-secret-0123456789abcdef";

describe("unsealRemembered", () => {
  it("unseals a valid cookie and gives the same data from memory afterwards", async () => {
    const sealed = await sealData({ apiKey: "wbk_demo_org_full" }, { password: SECRET, ttl: 60 });
    expect(await unsealRemembered(sealed, SECRET, 60)).toEqual({ apiKey: "wbk_demo_org_full" });
    // A wrong password would fail a real unseal: getting the data proves it came from memory.
    expect(await unsealRemembered(sealed, `${SECRET}-other`, 60)).toEqual({
      apiKey: "wbk_demo_org_full",
    });
  });

  it("forgets an entry after a minute and unseals again", async () => {
    const sealed = await sealData({ apiKey: "wbk_demo_starter" }, { password: SECRET, ttl: 600 });
    await unsealRemembered(sealed, SECRET, 600);
    const later = Date.now() + 61_000;
    expect(await unsealRemembered(sealed, `${SECRET}-other`, 600, later)).toEqual({});
  });

  it("never remembers a failure: a tampered cookie stays signed out", async () => {
    const sealed = await sealData({ apiKey: "wbk_demo_org_full" }, { password: SECRET, ttl: 60 });
    const tampered = `${sealed.slice(0, -6)}AAAAAA`;
    expect(await unsealRemembered(tampered, SECRET, 60)).toEqual({});
    expect(await unsealRemembered("not-a-seal", SECRET, 60)).toEqual({});
  });

  it("does not outlive the seal's own expiry", async () => {
    const sealed = await sealData({ apiKey: "wbk_demo_org_full" }, { password: SECRET, ttl: 1 });
    await unsealRemembered(sealed, SECRET, 1);
    const afterExpiry = Date.now() + 2_000;
    expect(await unsealRemembered(sealed, `${SECRET}-other`, 1, afterExpiry)).toEqual({});
  });
});

describe("unsealRemembered on malformed cookies", () => {
  it("reads every generated malformation of a genuine seal as signed out, never throwing", async () => {
    const genuine = await sealData({ apiKey: "wbk_demo_org_full" }, { password: SECRET, ttl: 600 });
    const outcomes = await Promise.all(
      malformedSeals(genuine).map(async ({ label, value }) => {
        try {
          const data = await unsealRemembered(value, SECRET, 600);
          return { label, outcome: Object.keys(data).length === 0 ? "signed out" : "SIGNED IN" };
        } catch (error) {
          return { label, outcome: `threw ${String(error)}` };
        }
      }),
    );
    expect(outcomes.filter(({ outcome }) => outcome !== "signed out")).toEqual([]);
    // The genuine seal still works, so the cases failed for their malformation.
    expect(await unsealRemembered(genuine, SECRET, 600)).toEqual({ apiKey: "wbk_demo_org_full" });
  });
});
