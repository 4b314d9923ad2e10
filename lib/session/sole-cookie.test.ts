import { describe, expect, it } from "vitest";
import { soleCookieValue } from "./sole-cookie";

const NAME = "__Host-runboard_session";

describe("soleCookieValue", () => {
  it.each([
    [`${NAME}=abc`, "abc"],
    [`theme=dark; ${NAME}=abc; tz=UTC`, "abc"],
    [`  ${NAME} = abc  `, "abc"],
    [`${NAME}=a=b`, "a=b"],
    [`${NAME}=`, ""],
    [`x${NAME}=no; ${NAME}=abc`, "abc"],
  ])("finds the one session cookie in %j", (header, value) => {
    expect(soleCookieValue(header, NAME)).toBe(value);
  });

  it.each([
    ["no header", null],
    ["an empty header", ""],
    ["other cookies only", "theme=dark; tz=UTC"],
    ["a name without a value", NAME],
    ["two session cookies", `${NAME}=abc; ${NAME}=def`],
    ["two identical session cookies", `${NAME}=abc; ${NAME}=abc`],
    ["two, one of them empty", `${NAME}=; ${NAME}=abc`],
    ["three", `${NAME}=a;${NAME}=b;${NAME}=c`],
  ])("finds none with %s", (_label, header) => {
    expect(soleCookieValue(header, NAME)).toBeNull();
  });
});
