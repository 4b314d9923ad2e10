import { figureList } from "../figures";
import { analysePage, countOccurrences } from "../page-payload";
import { runboardLogsPath, SMALL_WORKFLOW } from "../workloads";
import type { BenchSection } from "./section";

const kb = (bytes: number) => bytes / 1024;

async function text(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/**
 * What the runs page sends, against the render floor page: HTML, the flight data inlined in it,
 * and whether the first page of runs travels twice (once as table markup, once as data).
 * Deterministic: bytes, not times.
 */
export const payload: BenchSection = {
  name: "payload",
  summary: "HTML and inline RSC bytes of the runs page against the render floor; rows sent twice?",
  async run(context) {
    const runboard = await context.runboard();
    const floor = await context.floor();
    const session = { Cookie: runboard.cookie };
    const ours = analysePage(await text(`${runboard.origin}/workflows/${SMALL_WORKFLOW}`, session));
    const floorPage = analysePage(await text(`${floor.origin}/render/${SMALL_WORKFLOW}`));
    const navigation = await text(`${runboard.origin}/workflows/${SMALL_WORKFLOW}`, {
      ...session,
      RSC: "1",
    });
    const apiJson = await text(`${runboard.origin}${runboardLogsPath(SMALL_WORKFLOW, 1)}`, session);
    const runs = (JSON.parse(apiJson) as { runs: { id: string }[] }).runs;
    const firstRun = runs[0]?.id ?? "";
    const rowsInFlight = runs.filter((run) => ours.flight.includes(run.id)).length;

    const list = figureList("Payload (runs page)");
    const floorOf = (value: number) => ({ name: "render floor", value });
    list.compared(
      "HTML, gzip",
      kb(ours.htmlGzipBytes),
      "KB",
      floorOf(kb(floorPage.htmlGzipBytes)),
      null,
    );
    list.compared("HTML", kb(ours.htmlBytes), "KB", floorOf(kb(floorPage.htmlBytes)), null);
    list.compared(
      "markup (HTML without scripts)",
      kb(ours.markupBytes),
      "KB",
      floorOf(kb(floorPage.markupBytes)),
      null,
    );
    list.compared(
      "inline flight data",
      kb(ours.flightBytes),
      "KB",
      floorOf(kb(floorPage.flightBytes)),
      null,
    );
    list.info(
      "flight data of a client navigation to the page (RSC: 1)",
      kb(Buffer.byteLength(navigation)),
      "KB",
    );
    list.info(
      "the first page of runs as our API's JSON",
      kb(Buffer.byteLength(apiJson)),
      "KB",
      "what dehydrating it into the flight data costs, before escaping",
    );
    list.info(
      `rows of the first page present in the flight data (of ${runs.length})`,
      rowsInFlight,
      "count",
    );
    list.info(
      "times the first run's id appears in the markup",
      countOccurrences(ours.markup, firstRun),
      "count",
    );
    list.info(
      "times the first run's id appears in the flight data",
      countOccurrences(ours.flight, firstRun),
      "count",
    );
    return {
      figures: list.figures,
      raw: {
        ours: { ...ours, flight: undefined, markup: undefined },
        floor: { ...floorPage, flight: undefined, markup: undefined },
        navigationBytes: Buffer.byteLength(navigation),
        apiJsonBytes: Buffer.byteLength(apiJson),
      },
    };
  },
};
