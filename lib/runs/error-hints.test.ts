import { describe, expect, it } from "vitest";
import { errorHint } from "./error-hints";

describe("errorHint", () => {
  it.each([
    "channel_not_found",
    "not_in_channel",
    "rate_limited",
    "mailbox_full",
    "invalid_recipient",
    "bounced",
    "timeout",
    "connection_refused",
    "template_render_error",
    "assignee_not_found",
    "due_date_invalid",
    "field_locked",
    "entity_not_found",
  ])("has a cause and a next step for %s", (code) => {
    const hint = errorHint(code);
    expect(hint?.likelyCause).toMatch(/\w/);
    expect(hint?.whatToDo).toMatch(/\w/);
  });

  it("names the Slack channel problem and what to do", () => {
    expect(errorHint("channel_not_found")?.whatToDo).toMatch(/channel/);
    expect(errorHint("not_in_channel")?.whatToDo).toMatch(/invite/);
  });

  it("matches webhook HTTP codes by class", () => {
    expect(errorHint("http_502")?.likelyCause).toMatch(/502, 503 or 504/);
    expect(errorHint("http_504")).toBe(errorHint("http_502"));
    expect(errorHint("http_500")?.likelyCause).toMatch(/5xx/);
    expect(errorHint("http_599")).toBe(errorHint("http_500"));
    expect(errorHint("http_400")?.likelyCause).toMatch(/4xx/);
    expect(errorHint("http_422")).toBe(errorHint("http_400"));
    expect(errorHint("http_401")?.likelyCause).toMatch(/credentials/);
    expect(errorHint("http_403")).toBe(errorHint("http_401"));
    expect(errorHint("http_404")?.likelyCause).toMatch(/URL/);
    expect(errorHint("http_429")?.likelyCause).toMatch(/rate limiting/);
  });

  it("gives no hint for HTTP codes that are not failures or not HTTP statuses", () => {
    expect(errorHint("http_200")).toBeNull();
    expect(errorHint("http_302")).toBeNull();
    expect(errorHint("http_5000")).toBeNull();
    expect(errorHint("http_")).toBeNull();
    expect(errorHint("http_abc")).toBeNull();
  });

  it("tolerates case and surrounding spaces", () => {
    expect(errorHint(" Channel_Not_Found ")).toBe(errorHint("channel_not_found"));
    expect(errorHint("HTTP_502")).toBe(errorHint("http_502"));
  });

  it("returns null for unknown codes, including Object.prototype names", () => {
    expect(errorHint("something_new")).toBeNull();
    expect(errorHint("")).toBeNull();
    expect(errorHint("constructor")).toBeNull();
    expect(errorHint("__proto__")).toBeNull();
    expect(errorHint("toString")).toBeNull();
    expect(errorHint("<script>alert(1)</script>")).toBeNull();
  });
});
