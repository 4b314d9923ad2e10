import "server-only";
import http from "node:http";
import https from "node:https";
import type { Send } from "./transport";
import { upstreamTooLarge } from "./transport";

/**
 * The real network call, on node:http with keep-alive sockets. The global `fetch` cost measurably
 * more per call (WHATWG streams on top of the same sockets; figures in the README's performance
 * section), on a path whose whole budget over LeadLex's own latency is 1 ms. Never follows
 * redirects (node:http does not).
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 128 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 128 }),
};

export const sendWithNodeHttp: Send = (url, { headers, signal, maxBytes }) =>
  new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
    const request = client.request(url, { method: "GET", headers, agent, signal }, (response) => {
      const responseHeaders = toHeaders(response.headers);
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        reject(upstreamTooLarge(responseHeaders));
        response.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) {
          // Settle first: destroying the response emits "aborted", which must not win.
          reject(upstreamTooLarge(responseHeaders));
          response.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on("error", reject);
      response.on("aborted", () =>
        reject(Object.assign(new Error("aborted"), { code: "ECONNRESET" })),
      );
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: responseHeaders,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.on("error", reject);
    request.end();
  });

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
