import { sealData } from "iron-session";
import { describe, expect, it } from "vitest";
import { malformedSeals } from "@/e2e/support/malformed-seals";
import { isWellFormedSeal } from "./seal-format";

const SECRET = "unit-test-session-secret-0123456789abcdef";

describe("isWellFormedSeal", () => {
  it("accepts every seal this server writes, whatever the data, secret or lifetime", async () => {
    const payloads = [
      {},
      { apiKey: "wbk_demo_org_full", keyHint: "full", connectedAt: new Date(0).toISOString() },
      { apiKey: `wbk_${"x".repeat(196)}`, keyHint: "xxxx", connectedAt: new Date().toISOString() },
    ];
    for (const data of payloads) {
      for (const password of [SECRET, `${SECRET}${"z".repeat(40)}`]) {
        for (const ttl of [1, 60 * 60 * 24 * 7, 60 * 60 * 24 * 365]) {
          const sealed = await sealData(data, { password, ttl });
          expect(isWellFormedSeal(sealed), sealed).toBe(true);
        }
      }
    }
  });

  it("refuses every generated malformation but those only the HMAC can tell", async () => {
    const genuine = await sealData({ apiKey: "wbk_demo_org_full" }, { password: SECRET, ttl: 600 });
    const cases = malformedSeals(genuine);
    expect(cases.length).toBeGreaterThan(200);
    // Same alphabet, plausible length: the right shape, refused by the cryptography instead
    // (`unseal-cache.test.ts` unseals every case).
    const cryptographyOnly = new Set([
      "the password id doubled in length",
      "the iv upper-cased",
      "the ciphertext upper-cased",
      "the ciphertext doubled in length",
      "the hmac upper-cased",
    ]);
    const accepted = cases
      .filter(({ value }) => isWellFormedSeal(value))
      .map(({ label }) => label)
      .filter((label) => !label.endsWith("tampered with") && !cryptographyOnly.has(label));
    expect(accepted).toEqual([]);
  });
});
