/**
 * Where a server's CPU time went, from a V8 `.cpuprofile` (`node --cpu-prof`), by what the code
 * is rather than by minified chunk: every frame is mapped through its source map to the original
 * file. Each sample is given to the deepest frame of a known kind on its stack (zod called by the
 * gateway counts as zod), and also listed under every kind on its stack. Async work has no caller
 * on the stack, so "anywhere" undercounts frameworks that hand work to streams and promises.
 *
 *   BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench -- --only=render
 *   npx tsx scripts/bench/cpu-profile-summary.ts /tmp/prof/*.cpuprofile
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Kinds of work, matched in order against a frame's original source path. */
export const WORK_KINDS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: "session: iron-session unseal", pattern: /iron-session|iron-webcrypto|uncrypto/ },
  {
    kind: "TanStack Query (dehydrate, cache)",
    pattern: /@tanstack\/query-core|@tanstack\/react-query/,
  },
  {
    kind: "TanStack Table",
    pattern: /@tanstack\/(react-)?table|@tanstack\/table-core|@tanstack\/store/,
  },
  { kind: "zod", pattern: /\/zod\// },
  { kind: "React: HTML render (Fizz)", pattern: /react-dom[-/].*server|ReactFizz|ReactDOMServer/ },
  { kind: "React: RSC payload written (Flight server)", pattern: /react-server-dom-[a-z]+-server/ },
  {
    kind: "React: RSC payload read back for the HTML (Flight client)",
    pattern: /react-server-dom-[a-z]+-client/,
  },
  {
    kind: "Next: app render",
    pattern: /next\/src\/server\/app-render|next\/dist\/server\/app-render/,
  },
  { kind: "Next: request routing and server", pattern: /next\/(src|dist)\/server\/(?!app-render)/ },
  { kind: "Runboard: proxy.ts", pattern: /(^|\/)proxy\.ts$/ },
  { kind: "Runboard: lib/leadlex (gateway)", pattern: /(^|\/)lib\/leadlex\// },
  { kind: "Runboard: lib/session", pattern: /(^|\/)lib\/session\// },
  { kind: "Runboard: lib/url-state", pattern: /(^|\/)lib\/url-state\// },
  { kind: "Runboard: lib/format (dates, numbers)", pattern: /(^|\/)lib\/format\// },
  { kind: "Runboard: components/ (server render)", pattern: /(^|\/)components\// },
  { kind: "Runboard: app/", pattern: /(^|\/)app\// },
  {
    kind: "Node: HTTP and streams",
    pattern: /^node:(_http|http|internal\/streams|net|stream|zlib)/,
  },
];

const sourceMaps = new Map<string, SourceMap | null>();

function sourceMapFor(url: string): SourceMap | null {
  if (!sourceMaps.has(url)) {
    let map: SourceMap | null = null;
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (file.startsWith("/") && existsSync(`${file}.map`)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
      } catch {
        map = null;
      }
    }
    sourceMaps.set(url, map);
  }
  return sourceMaps.get(url) ?? null;
}

/** The original source path of a frame, or its URL when it has no source map. */
function originalSource(frame: ProfileNode["callFrame"]): string {
  const map = sourceMapFor(frame.url);
  if (!map || frame.lineNumber < 0) return frame.url;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
  // Turbopack's maps percent-encode paths (`%40tanstack`).
  return entry.originalSource ? decodeURIComponent(entry.originalSource) : frame.url;
}

export function kindOf(source: string): string | null {
  return WORK_KINDS.find(({ pattern }) => pattern.test(source))?.kind ?? null;
}

export interface ProfileSummary {
  busyMs: number;
  /** Each sample to the deepest frame of a known kind on its stack: the shares add up to 100%. */
  deepest: Map<string, number>;
  /** Each sample to every kind on its stack: "how much ran under this kind of code". */
  anywhere: Map<string, number>;
}

const UNKNOWN = "other (Node and V8 internals, unmapped code)";

export function summarise(profile: Profile): ProfileSummary {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ownKind = new Map<number, string | null>();
  const kindOfNode = (id: number) => {
    if (!ownKind.has(id))
      ownKind.set(id, kindOf(originalSource((byId.get(id) as ProfileNode).callFrame)));
    return ownKind.get(id) ?? null;
  };
  const stack = (id: number): number[] => {
    const ids: number[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) ids.push(at);
    return ids;
  };
  const deepest = new Map<string, number>();
  const anywhere = new Map<string, number>();
  const add = (into: Map<string, number>, kind: string, us: number) =>
    into.set(kind, (into.get(kind) ?? 0) + us / 1000);
  let busyUs = 0;
  profile.samples.forEach((id, index) => {
    const name = (byId.get(id) as ProfileNode).callFrame.functionName;
    if (name === "(idle)" || name === "(program)") return;
    const us = profile.timeDeltas[index] ?? 0;
    busyUs += us;
    if (name === "(garbage collector)") {
      add(deepest, "V8: garbage collection", us);
      add(anywhere, "V8: garbage collection", us);
      return;
    }
    const kinds = stack(id)
      .map(kindOfNode)
      .filter((kind): kind is string => kind !== null);
    add(deepest, kinds[0] ?? UNKNOWN, us);
    for (const kind of new Set(kinds)) add(anywhere, kind, us);
  });
  return { busyMs: busyUs / 1000, deepest, anywhere };
}

function printShares(title: string, shares: Map<string, number>, busyMs: number): void {
  console.log(title);
  for (const [kind, ms] of [...shares].sort((a, b) => b[1] - a[1])) {
    console.log(
      `${ms.toFixed(0).padStart(8)} ms ${((ms / busyMs) * 100).toFixed(1).padStart(5)}%  ${kind}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const { busyMs, deepest, anywhere } = summarise(
      JSON.parse(readFileSync(file, "utf8")) as Profile,
    );
    console.log(`${file}: ${busyMs.toFixed(0)} ms busy (idle excluded)\n`);
    printShares("By the deepest known frame (adds up to 100%):", deepest, busyMs);
    printShares("\nBy any frame on the stack (overlapping):", anywhere, busyMs);
  }
}
