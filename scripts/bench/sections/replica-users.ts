import { randomBytes } from "node:crypto";
import { classifyRepeats } from "../../../e2e/support/answer-ttls";
import {
  describeCall,
  lastCallSeq,
  settledCallsSince,
  type AppProcess,
  type EmulatorProcess,
} from "../../support/app-instances";
import { sessionCookieHeader } from "../../support/session-cookie";
import type { BenchContext } from "../context";
import { figureList } from "../figures";
import { startOwnApp, startOwnEmulator, startOwnRedis } from "../own-servers";
import type { BenchSection } from "./section";

const USERS = 20;
const KEY = "wbk_demo_org_full";
/** 4 workflows × all/failed × pages 1–2: pages that overlap between users. */
export const REPLICA_VIEWS = ["wf_01HY1", "wf_01HY2", "wf_01HY3", "wf_01HY4"].flatMap((id) =>
  ["", "status=failed"].flatMap((status) =>
    [1, 2].map((page) => {
      const query = [status, page > 1 ? `page=${page}` : ""].filter(Boolean).join("&");
      return `/workflows/${id}${query ? `?${query}` : ""}`;
    }),
  ),
);
/** A server-rendered runs page asks LeadLex for the workflow and a page of its runs. */
const CALLS_PER_UNCACHED_VIEW = 2;

interface Tally {
  views: number;
  calls: number;
  distinct: number;
  repeatsWithinTtl: number;
}

/**
 * 20 simulated users of one key viewing overlapping runs pages through two replicas behind a load
 * balancer that is not sticky (each view goes to the other replica than the user's last), on an
 * emulator of the section's own: once with the replicas sharing a Redis, once with each caching in
 * its own process. Reported per 100 page views: LeadLex calls, beside the floor of one call per
 * distinct answer the views needed (counted in the same emulator log).
 */
export const replicaUsers: BenchSection = {
  name: "replicas",
  summary: "LeadLex calls per 100 page views, 20 users over two replicas, shared Redis or not",
  async run(context) {
    const viewsPerUser = context.settings.quick ? 5 : 20;
    const emulator = await startOwnEmulator(context);
    const redis = await startOwnRedis(context);
    const shared = await countCalls(context, emulator, viewsPerUser, redis.url);
    await redis.stop();
    const separate = await countCalls(context, emulator, viewsPerUser, null);

    const list = figureList("Replicas (20 users, one key)");
    const per100 = (count: number, tally: Tally) => (count * 100) / tally.views;
    for (const [label, tally] of [
      ["shared cache (Redis)", shared],
      ["each replica its own in-process cache", separate],
    ] as const) {
      list.compared(
        `LeadLex calls per 100 page views, ${label}`,
        per100(tally.calls, tally),
        "count",
        { name: "one call per distinct answer", value: per100(tally.distinct, tally) },
        null,
        `${tally.calls} calls for ${tally.views} views`,
      );
      list.info(
        `repeats within the answer's TTL per 100 page views, ${label}`,
        per100(tally.repeatsWithinTtl, tally),
        "count",
      );
    }
    list.info(
      "LeadLex calls per 100 page views without a cache (as before the layer)",
      CALLS_PER_UNCACHED_VIEW * 100,
      "count",
      "by construction: the workflow and a page of its runs per view",
    );
    return { figures: list.figures, raw: { viewsPerUser, shared, separate } };
  },
};

/** Two fresh replicas (empty caches), the users' walks through them, and what LeadLex saw. */
async function countCalls(
  context: BenchContext,
  emulator: EmulatorProcess,
  viewsPerUser: number,
  redisUrl: string | null,
): Promise<Tally> {
  const secret = randomBytes(32).toString("base64url");
  const env = {
    LEADLEX_API_URL: emulator.apiBaseUrl,
    SESSION_SECRET: secret,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  const replicas = [await startOwnApp(context, env), await startOwnApp(context, env)];
  try {
    const cookie = await sessionCookieHeader(KEY, secret);
    const since = await lastCallSeq(emulator);
    let views = 0;
    await Promise.all(
      Array.from({ length: USERS }, async (_, user) => {
        for (const [view, path] of userWalk(user, viewsPerUser).entries()) {
          const replica = replicas[(user + view) % replicas.length] as AppProcess;
          const response = await fetch(`${replica.origin}${path}`, { headers: { Cookie: cookie } });
          const html = await response.text();
          if (response.status !== 200 || !html.includes('id="runs-heading"')) {
            throw new Error(`${path} on a replica: HTTP ${response.status} without the runs view`);
          }
          views += 1;
        }
      }),
    );
    const recorded = await settledCallsSince(emulator, since);
    return {
      views,
      calls: recorded.length,
      distinct: new Set(recorded.map(describeCall)).size,
      repeatsWithinTtl: classifyRepeats(recorded).withinTtl.length,
    };
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
  }
}

/**
 * A fixed pseudo-random walk per user: every run views the same pages. An LCG (glibc's constants)
 * in 32-bit integer arithmetic, read from its high bits: in floating point the product outgrows
 * 2^53 and the walk collapses onto one page; the low bits of a power-of-two LCG repeat quickly.
 */
export function userWalk(user: number, views: number): string[] {
  let seed = user + 1;
  return Array.from({ length: views }, () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fff_ffff;
    return REPLICA_VIEWS[(seed >>> 16) % REPLICA_VIEWS.length] as string;
  });
}
