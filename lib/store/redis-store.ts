import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { namespaceOf, StoreUnavailableError, type Store, type WindowCount } from "./store";

/**
 * The shared engine: Redis 7 through ioredis, for more than one replica. Every entry carries a TTL
 * (PX). Each namespace keeps an index (a sorted set of its keys, scored by expiry, pruned on write)
 * so sign-out deletes one key's entries without scanning the whole keyspace. Writes that touch a
 * value and its index run as one Lua script, so both change together; time comes from Redis's own
 * clock (TIME), so replicas with drifting clocks agree on windows and expiries.
 *
 * Bounded: a command that takes longer than `commandTimeoutMs` fails (StoreUnavailableError), and
 * the caller carries on without the store. `ready()` lets the server connect before its first
 * request, so a connection still being set up is not mistaken for an outage. Not for Redis Cluster: scripts touch keys they find in
 * an index, which a cluster would refuse across slots.
 */

export interface RedisStoreOptions {
  url: string;
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
}

const DATA = "rb:d:";
const INDEX = "rb:i:";

const NOW_MS = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS[2] is the namespace index; registers KEYS[1] there until now + ttl. */
const INDEX_KEY = `
local function index(key, ttl)
  redis.call('ZADD', KEYS[2], now + ttl, key)
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  if redis.call('PTTL', KEYS[2]) < ttl then redis.call('PEXPIRE', KEYS[2], ttl) end
end`;

const scripts = {
  storeValue: {
    numberOfKeys: 2,
    lua: `${NOW_MS}${INDEX_KEY}
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
index(KEYS[1], ttl)
return 1`,
  },
  acquireLease: {
    numberOfKeys: 2,
    lua: `${NOW_MS}${INDEX_KEY}
local ttl = tonumber(ARGV[2])
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ttl) then return 0 end
index(KEYS[1], ttl)
return 1`,
  },
  renewLease: {
    numberOfKeys: 2,
    lua: `${NOW_MS}${INDEX_KEY}
local ttl = tonumber(ARGV[2])
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ttl)
index(KEYS[1], ttl)
return 1`,
  },
  releaseLease: {
    numberOfKeys: 1,
    lua: `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`,
  },
  addToWindow: {
    numberOfKeys: 2,
    lua: `${NOW_MS}${INDEX_KEY}
local window = tonumber(ARGV[2])
local start = math.floor(now / window) * window
local current = KEYS[1] .. '@' .. string.format('%d', start)
local previous = KEYS[1] .. '@' .. string.format('%d', start - window)
local count = tonumber(redis.call('GET', current) or '0')
if tonumber(ARGV[1]) ~= 0 then
  count = redis.call('INCRBY', current, ARGV[1])
  redis.call('PEXPIRE', current, 2 * window)
  index(current, 2 * window)
end
return { count, tonumber(redis.call('GET', previous) or '0'), start }`,
  },
  purgeIndex: {
    numberOfKeys: 1,
    lua: `
local keys = redis.call('ZRANGE', KEYS[1], 0, -1)
for i = 1, #keys, 500 do
  redis.call('DEL', unpack(keys, i, math.min(i + 499, #keys)))
end
redis.call('DEL', KEYS[1])
return #keys`,
  },
} as const;

type ScriptName = keyof typeof scripts;
type ScriptCommands = Record<
  ScriptName,
  (...args: (string | number | Buffer)[]) => Promise<unknown>
>;

export interface RedisStore extends Store {
  /** Resolves true once connected, false if that takes longer than `timeoutMs`. */
  ready(timeoutMs: number): Promise<boolean>;
}

export function createRedisStore({
  url,
  // Generous for a loopback or same-zone Redis (~0.2 ms): a busy Node process can stall its own
  // event loop for hundreds of milliseconds, which must not read as Redis being down.
  commandTimeoutMs = 1_000,
  connectTimeoutMs = 2_000,
}: RedisStoreOptions): RedisStore {
  const redis = new Redis(url, {
    commandTimeout: commandTimeoutMs,
    connectTimeout: connectTimeoutMs,
    // A command waits for at most one reconnect; the caller's fallback is better than a queue.
    maxRetriesPerRequest: 1,
    // Keep trying in the background, at a pace that costs nothing while Redis is away.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    enableAutoPipelining: true,
    scripts,
  });
  // ioredis reports connection errors as events; the callers see failed commands instead.
  redis.on("error", () => {});
  const run = redis as unknown as ScriptCommands;

  async function attempt<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (cause) {
      throw new StoreUnavailableError("Redis did not answer.", { cause });
    }
  }

  const indexOf = (key: string) => `${INDEX}${namespaceOf(key)}`;
  const ttl = (ms: number) => Math.max(1, Math.ceil(ms));

  return {
    engine: "redis",

    get: (key) => attempt(() => redis.getBuffer(`${DATA}${key}`)),

    set: (key, value, ttlMs) =>
      attempt(async () => {
        await run.storeValue(`${DATA}${key}`, indexOf(key), value, ttl(ttlMs));
      }),

    delete: (key) =>
      attempt(async () => {
        await redis.del(`${DATA}${key}`);
      }),

    purgeNamespace: (namespace) =>
      attempt(async () => {
        await run.purgeIndex(`${INDEX}${namespace}`);
      }),

    acquireLease: (key, ttlMs) =>
      attempt(async () => {
        const token = randomBytes(16).toString("base64url");
        const taken = await run.acquireLease(`${DATA}${key}`, indexOf(key), token, ttl(ttlMs));
        return taken === 1 ? token : null;
      }),

    renewLease: (key, token, ttlMs) =>
      attempt(
        async () => (await run.renewLease(`${DATA}${key}`, indexOf(key), token, ttl(ttlMs))) === 1,
      ),

    releaseLease: (key, token) =>
      attempt(async () => (await run.releaseLease(`${DATA}${key}`, token)) === 1),

    addToWindow: (key, amount, windowMs) =>
      attempt(async (): Promise<WindowCount> => {
        const reply = (await run.addToWindow(
          `${DATA}${key}`,
          indexOf(key),
          Math.trunc(amount),
          ttl(windowMs),
        )) as [number, number, number];
        return { current: reply[0], previous: reply[1], windowStartMs: reply[2] };
      }),

    ready(timeoutMs) {
      if (redis.status === "ready") return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          redis.off("ready", onReady);
          resolve(false);
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        redis.once("ready", onReady);
      });
    },

    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
