import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "./client-address";

const fromSocket = (extra: Record<string, string> = {}) =>
  new Headers({ [CLIENT_ADDRESS_HEADER]: "192.0.2.8", ...extra });

describe("clientAddress", () => {
  it("is the socket's address unless a proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(fromSocket(), false)).toBe("192.0.2.8");
    expect(clientAddress(fromSocket({ "x-forwarded-for": "198.51.100.1" }), false)).toBe(
      "192.0.2.8",
    );
  });

  it("behind a trusted proxy is the last X-Forwarded-For entry, the one the proxy saw", () => {
    const headers = fromSocket({ "x-forwarded-for": "10.0.0.1, 203.0.113.5,198.51.100.7 " });
    expect(clientAddress(headers, true)).toBe("198.51.100.7");
    expect(clientAddress(fromSocket({ "x-forwarded-for": "" }), true)).toBe("192.0.2.8");
  });

  it("never passes on a value too long to be an address", () => {
    expect(clientAddress(fromSocket({ "x-forwarded-for": "x".repeat(500) }), true)).toBe("unknown");
    expect(clientAddress(new Headers(), false)).toBe("unknown");
  });
});
