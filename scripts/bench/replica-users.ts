import { randomBytes } from "node:crypto";
import {
  lastCallSeq,
  settledCallsSince,
  startAppProcess,
  startEmulatorProcess,
  type AppProcess,
  type EmulatorProcess,
} from "../support/app-instances";
import { startRedisServer } from "../support/redis-server";
import { sessionCookieHeader } from "../support/session-cookie";
import type { Figure } from "./report";

/**
 * Bench section "replicas": 20 simulated users of one key viewing overlapping runs pages (4
 * workflows × all/failed × pages 1–2) through two replicas behind a load balancer that is not
 * sticky (each view goes to the other replica than the last). Reported: LeadLex calls per 100
 * page views with the replicas sharing Redis, and with each replica caching in its own process.
 * Views are server-rendered pages (each needs the workflow and a page of its runs), so without
 * any cache, as before the layer, 100 views cost 200 calls.
 */
const SECTION = "Many users, two replicas";
const USERS = 20;
const KEY = "wbk_demo_org_full";
const VIEWS = ["wf_01HY1", "wf_01HY2", "wf_01HY3", "wf_01HY4"].flatMap((id) =>
  ["", "status=failed"].flatMap((status) =>
    [1, 2].map((page) => {
      const query = [status, page > 1 ? `page=${page}` : ""].filter(Boolean).join("&");
      return `/workflows/${id}${query ? `?${query}` : ""}`;
    }),
  ),
);

export async function measureReplicaUsers(options: { viewsPerUser: number }): Promise<Figure[]> {
  const emulator = await startEmulatorProcess();
  const figures: Figure[] = [];
  try {
    const redis = await startRedisServer();
    try {
      const shared = await perHundredViews(emulator, options.viewsPerUser, redis.url);
      figures.push({
        section: SECTION,
        name: `LeadLex calls per 100 page views, shared cache (Redis), ${USERS} users`,
        value: shared,
        unit: "",
        target: null,
      });
    } finally {
      await redis.stop();
    }
    const separate = await perHundredViews(emulator, options.viewsPerUser, null);
    figures.push(
      {
        section: SECTION,
        name: "LeadLex calls per 100 page views, each replica its own in-process cache",
        value: separate,
        unit: "",
        target: null,
      },
      {
        section: SECTION,
        name: "LeadLex calls per 100 page views without a cache (before the layer: 2 per view)",
        value: 200,
        unit: "",
        target: null,
      },
    );
  } finally {
    await emulator.stop();
  }
  return figures;
}

async function perHundredViews(
  emulator: EmulatorProcess,
  viewsPerUser: number,
  redisUrl: string | null,
): Promise<number> {
  const secret = randomBytes(32).toString("base64url");
  const env = {
    LEADLEX_API_URL: emulator.apiBaseUrl,
    SESSION_SECRET: secret,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  const replicas: AppProcess[] = await Promise.all(
    [0, 1].map(() => startAppProcess(env, "bench-results/logs")),
  );
  try {
    const cookie = await sessionCookieHeader(KEY, secret);
    const since = await lastCallSeq(emulator);
    let views = 0;
    await Promise.all(
      Array.from({ length: USERS }, async (_, user) => {
        let seed = user + 1;
        for (let view = 0; view < viewsPerUser; view++) {
          // A fixed pseudo-random walk per user (LCG): every run views the same pages.
          seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
          const path = VIEWS[seed % VIEWS.length] as string;
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
    const calls = (await settledCallsSince(emulator, since)).length;
    return (calls * 100) / views;
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
  }
}
