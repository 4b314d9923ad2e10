import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/model/app-error";
import { sendWithNodeHttp } from "./node-http-send";

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    switch (request.url) {
      case "/ok":
        response.writeHead(200, { "Content-Type": "application/json", "X-Request-ID": "req_1" });
        response.end(JSON.stringify({ auth: request.headers.authorization }));
        return;
      case "/redirect":
        response.writeHead(302, { Location: "http://evil.example.invalid/" });
        response.end();
        return;
      case "/big-declared":
        response.writeHead(200, { "Content-Length": "5000" });
        response.end("x".repeat(5000));
        return;
      case "/big-streamed":
        response.writeHead(200);
        response.write("x".repeat(600));
        response.end("x".repeat(600));
        return;
      case "/reset":
        request.socket.destroy();
        return;
      default:
        // Never answers: the caller's signal must end the wait.
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const request = (signal = AbortSignal.timeout(2_000)) => ({
  headers: { Authorization: "Bearer wbk_test_key" },
  signal,
  maxBytes: 1_000,
});

describe("sendWithNodeHttp", () => {
  it("sends the headers and returns status, headers and body", async () => {
    const answer = await sendWithNodeHttp(new URL(`${base}/ok`), request());
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-request-id")).toBe("req_1");
    expect(JSON.parse(answer.text)).toEqual({ auth: "Bearer wbk_test_key" });
  });

  it("returns a redirect as it is, never following it", async () => {
    const answer = await sendWithNodeHttp(new URL(`${base}/redirect`), request());
    expect(answer.status).toBe(302);
  });

  it.each(["/big-declared", "/big-streamed"])("refuses a body over the cap (%s)", async (path) => {
    const error = await sendWithNodeHttp(new URL(`${base}${path}`), request()).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("upstream_invalid_response");
  });

  it("stops waiting when the signal aborts", async () => {
    // The server never answers this path: only the abort can end the call.
    const error = await sendWithNodeHttp(
      new URL(`${base}/hang`),
      request(AbortSignal.timeout(50)),
    ).catch((e) => e);
    expect((error as Error).name).toBe("AbortError");
  });

  it("reports a cut connection and a refused one by their socket error codes", async () => {
    const reset = await sendWithNodeHttp(new URL(`${base}/reset`), request()).catch((e) => e);
    expect((reset as { code?: string }).code).toBe("ECONNRESET");
    const refused = await sendWithNodeHttp(new URL("http://127.0.0.1:1/"), request()).catch(
      (e) => e,
    );
    expect((refused as { code?: string }).code).toBe("ECONNREFUSED");
  });
});
