import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { proxy } from "./proxy";

const ORIGIN = "http://runboard.test";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${ORIGIN}${path}`, {
    method: init.method ?? "GET",
    headers: { host: "runboard.test", ...init.headers },
  });
}

/** NextResponse.next() marks the response so Next goes on to the page or handler. */
function passedThrough(response: Response): boolean {
  return response.headers.get("x-middleware-next") === "1";
}

describe("proxy", () => {
  it("passes an ordinary page request on with a nonce CSP and the security headers", async () => {
    const response = await proxy(
      request("/workflows/wf_01HY1", { headers: { cookie: "runboard_session=sealed" } }),
    );
    expect(passedThrough(response)).toBe(true);
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sends a page load without a session cookie to /connect with a real 307", async () => {
    const response = await proxy(request("/workflows/wf_01HY1?status=failed"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      `${ORIGIN}/connect?next=%2Fworkflows%2Fwf_01HY1%3Fstatus%3Dfailed`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("lets the connect page, the API and RSC fetches through without a cookie", async () => {
    for (const path of ["/connect", "/api/workflows"]) {
      expect(passedThrough(await proxy(request(path)))).toBe(true);
    }
    expect(passedThrough(await proxy(request("/", { headers: { rsc: "1" } })))).toBe(true);
  });

  it.each(["/workflows/%ff", "/workflows/%", "/api/workflows/%c0%ae/logs", "/%E0%A4%A"])(
    "answers 400 to the undecodable path %s instead of Next's bare 500",
    async (path) => {
      const response = await proxy(request(path));
      expect(passedThrough(response)).toBe(false);
      expect(response.status).toBe(400);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const text = await response.text();
      expect(text).toContain("malformed percent-encoding");
      if (path.startsWith("/api/")) expect(JSON.parse(text).error.code).toBe("bad_request");
    },
  );

  it.each([
    ["a Server Action post from another site", "/connect", { origin: "https://evil.example" }],
    ["a post labelled cross-site", "/", { "sec-fetch-site": "cross-site" }],
    ["a post to the API from another site", "/api/workflows", { origin: "https://evil.example" }],
  ])("refuses %s with 403", async (_label, path, headers) => {
    const response = await proxy(request(path, { method: "POST", headers }));
    expect(passedThrough(response)).toBe(false);
    expect(response.status).toBe(403);
  });

  it("lets a same-origin post through to Next's own Server Action checks", async () => {
    const response = await proxy(
      request("/connect", {
        method: "POST",
        headers: { origin: ORIGIN, "sec-fetch-site": "same-origin" },
      }),
    );
    expect(passedThrough(response)).toBe(true);
  });

  it("refuses a cross-site read of the API with our own error body", async () => {
    const response = await proxy(
      request("/api/workflows", { headers: { "sec-fetch-site": "cross-site" } }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: "cross_site_refused",
        message: "Cross-site requests are not accepted.",
        requestId: null,
        retryAfterSeconds: null,
      },
    });
  });
});

describe("proxy: Next's own routes", () => {
  it.each([
    "/_global-error",
    "/_global-error/",
    "/_not-found",
    "/_error",
    "/_app",
    "/_anything/at/all",
    "/_next/image",
    "/_next",
  ])("answers %s with 404", async (path) => {
    const response = await proxy(request(path, { headers: { cookie: "runboard_session=sealed" } }));
    expect(passedThrough(response)).toBe(false);
    expect(response.status).toBe(404);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it.each(["/workflows/_private", "/connect"])("leaves %s alone", async (path) => {
    const response = await proxy(request(path, { headers: { cookie: "runboard_session=sealed" } }));
    expect(passedThrough(response)).toBe(true);
  });
});

const ACTION_ID = "6042dc41d986e651d804b96b810893159f4e4f80a7";
const BOUNDARY = "----runboard-test-boundary";

function multipart(fields: Record<string, string>): string {
  return `${Object.entries(fields)
    .map(
      ([name, value]) =>
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join("")}--${BOUNDARY}--\r\n`;
}

interface ActionPost {
  actionId?: string | null;
  contentType?: string | null;
  contentLength?: string | null;
  body?: string;
}

function actionPost({
  actionId = ACTION_ID,
  contentType = `multipart/form-data; boundary=${BOUNDARY}`,
  body = multipart({ "0": '["$K1"]', "1_apiKey": "wbk_demo_org_full" }),
  contentLength = String(Buffer.byteLength(body)),
}: ActionPost = {}) {
  const headers: Record<string, string> = { host: "runboard.test", origin: ORIGIN };
  if (actionId !== null) headers["next-action"] = actionId;
  if (contentType !== null) headers["content-type"] = contentType;
  if (contentLength !== null) headers["content-length"] = contentLength;
  return new NextRequest(`${ORIGIN}/connect`, { method: "POST", headers, body });
}

/** The two forms' real posts, as Chromium sends them with and without JavaScript. */
const GENUINE_POSTS: Array<[string, ActionPost]> = [
  ["connect, with JavaScript", {}],
  ["sign out, with JavaScript", { contentType: "text/plain;charset=UTF-8", body: "[]" }],
  [
    "connect, without JavaScript",
    {
      actionId: null,
      body: multipart({
        $ACTION_REF_6: "",
        "$ACTION_6:0": `{"id":"${ACTION_ID}","bound":"$@1"}`,
        "$ACTION_6:1": '[{"message":null}]',
        $ACTION_KEY: "k2101a4d418e9dfa0ab82e80bda816007",
        next: "/",
        apiKey: "wbk_demo_org_full",
      }),
    },
  ],
  [
    "sign out, without JavaScript",
    { actionId: null, body: multipart({ [`$ACTION_ID_${ACTION_ID}`]: "" }) },
  ],
];

/** References React's reply format has, which none of Runboard's actions can receive. */
const FOREIGN_REFERENCES = ["$Q9", "$@1", "$F1", "$B1", "$W3", "$i4", "$T1", "$Z", "$1", "$"];

describe("proxy: Server Action posts", () => {
  it.each(GENUINE_POSTS)("passes on %s", async (_label, post) => {
    expect(passedThrough(await proxy(actionPost(post)))).toBe(true);
  });

  const refused: Array<[string, ActionPost, number]> = [
    ["an action id of the wrong length", { actionId: "deadbeef" }, 400],
    ["an action id one character short", { actionId: ACTION_ID.slice(1) }, 400],
    ["an upper-case action id", { actionId: ACTION_ID.toUpperCase() }, 400],
    ["an action id with a C1 control", { actionId: `${ACTION_ID.slice(2)}\u009b[` }, 400],
    ["an empty action id", { actionId: "" }, 400],
    ["text that is not JSON", { contentType: "text/plain", body: "not a form {{{" }, 400],
    ["text that is a JSON object", { contentType: "text/plain", body: "{}" }, 400],
    ["text naming a form it cannot carry", { contentType: "text/plain", body: '["$K1"]' }, 400],
    ["a JSON body", { contentType: "application/json", body: "[]" }, 400],
    ["an url-encoded body", { contentType: "application/x-www-form-urlencoded", body: "a=b" }, 400],
    ["multipart without a boundary", { contentType: "multipart/form-data" }, 400],
    ["multipart/mixed", { contentType: `multipart/mixed; boundary=${BOUNDARY}` }, 400],
    ["no content type", { contentType: null }, 400],
    ["no length (chunked)", { contentLength: null }, 411],
    ["a length that is not a number", { contentLength: "12abc" }, 411],
    ["a body over 1 MB", { contentLength: String(1024 * 1024 + 1) }, 413],
    ["a body over 1 TB", { contentLength: "1099511627776" }, 413],
    ["a multipart body that is not multipart", { body: "not a form {{{" }, 400],
    ["a multipart body cut short", { body: multipart({ "0": "[]" }).slice(0, 40) }, 400],
    ["a form without the arguments field", { body: multipart({ a: "b" }) }, 400],
    ["arguments that are not JSON", { body: multipart({ "0": "garbage" }) }, 400],
    ["arguments that are a JSON object", { body: multipart({ "0": "{}" }) }, 400],
    ["arguments that are a JSON string", { body: multipart({ "0": '"x"' }) }, 400],
    ...FOREIGN_REFERENCES.flatMap((reference): Array<[string, ActionPost, number]> => [
      [`a ${reference} reference in a form`, { body: multipart({ "0": `["${reference}"]` }) }, 400],
      [
        `a ${reference} reference in text, nested`,
        { contentType: "text/plain", body: `[{"a":[{"b":"${reference}"}]}]` },
        400,
      ],
      [
        `a ${reference} reference bound without JavaScript`,
        {
          actionId: null,
          body: multipart({
            $ACTION_REF_1: "",
            "$ACTION_1:0": `{"id":"${ACTION_ID}","bound":"$@1"}`,
            "$ACTION_1:1": `["${reference}"]`,
          }),
        },
        400,
      ],
    ]),
    ["a form without JavaScript that is not a form", { actionId: null, body: "garbage" }, 400],
    [
      "a form without JavaScript naming a malformed action",
      { actionId: null, body: multipart({ $ACTION_ID_zz: "" }) },
      400,
    ],
    [
      "bound arguments that are not there",
      {
        actionId: null,
        body: multipart({
          $ACTION_REF_1: "",
          "$ACTION_1:0": `{"id":"${ACTION_ID}","bound":"$@2"}`,
        }),
      },
      400,
    ],
    [
      "an action reference that is not JSON",
      { actionId: null, body: multipart({ $ACTION_REF_1: "", "$ACTION_1:0": "garbage" }) },
      400,
    ],
  ];

  it.each(refused)("refuses %s", async (_label, post, status) => {
    const response = await proxy(actionPost(post));
    expect(passedThrough(response)).toBe(false);
    expect(response.status).toBe(status);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("reads arguments nested 300,000 deep, or 500,000 wide, without overflowing", async () => {
    const deep = `${"[".repeat(300_000)}"$Q1"${"]".repeat(300_000)}`;
    const wide = `[${Array.from({ length: 500_000 }, () => "0").join(",")},"$Q1"]`;
    for (const body of [deep, wide]) {
      const response = await proxy(actionPost({ contentType: "text/plain", body }));
      expect(response.status).toBe(400);
    }
  });

  it("logs each refusal as one line, escaping what the request carried", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await proxy(actionPost({ actionId: `\u009b[31m${"a".repeat(40)}` }));
      await proxy(request("/_global-error"));
      expect(warn).toHaveBeenCalledTimes(2);
      for (const [line] of warn.mock.calls) {
        expect(String(line)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(JSON.parse(String(line))).toMatchObject({ level: "warn", event: "request_refused" });
      }
    } finally {
      warn.mockRestore();
    }
  });
});

describe("proxy: X-Forwarded-Host", () => {
  it("is replaced by Host for Next's own checks unless trusted", async () => {
    const response = await proxy(
      request("/connect", { headers: { "x-forwarded-host": "evil.example" } }),
    );
    expect(passedThrough(response)).toBe(true);
    expect(response.headers.get("x-middleware-request-x-forwarded-host")).toBe("runboard.test");
  });

  it("does not vouch for a post whose Origin names the same foreign host", async () => {
    const response = await proxy(
      request("/connect", {
        method: "POST",
        headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
      }),
    );
    expect(response.status).toBe(403);
  });
});
