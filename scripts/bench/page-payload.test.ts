import { describe, expect, it } from "vitest";
import { analysePage, countOccurrences } from "./page-payload";

const flightChunk = (text: string) =>
  `<script nonce="n">self.__next_f.push(${JSON.stringify([1, text])})</script>`;

describe("analysePage", () => {
  const html =
    `<!DOCTYPE html><html><body><table><tr id="run-r1"><td>r1</td></tr></table>` +
    `<script src="/_next/static/chunks/main.js" async></script>` +
    `<script>self.__next_f.push([0])</script>` +
    flightChunk('1:{"runs":[{"id":"r1"}]}\n') +
    flightChunk("2:\u00e9\n") +
    `</body></html>`;
  const payload = analysePage(html);

  it("decodes the flight data from its inline scripts, in order", () => {
    expect(payload.flight).toBe('1:{"runs":[{"id":"r1"}]}\n2:\u00e9\n');
    expect(payload.flightBytes).toBe(Buffer.byteLength(payload.flight));
  });

  it("measures the markup without any script", () => {
    expect(payload.markup).toBe(
      '<!DOCTYPE html><html><body><table><tr id="run-r1"><td>r1</td></tr></table></body></html>',
    );
    expect(payload.htmlBytes).toBe(Buffer.byteLength(html));
    expect(payload.htmlGzipBytes).toBeLessThan(payload.htmlBytes);
  });

  it("shows when the same row is sent as markup and as data", () => {
    expect(countOccurrences(payload.markup, "r1")).toBe(2);
    expect(countOccurrences(payload.flight, "r1")).toBe(1);
    expect(countOccurrences("aaaa", "aa")).toBe(2);
    expect(countOccurrences("abc", "")).toBe(0);
  });
});
