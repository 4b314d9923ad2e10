import "server-only";
import { z } from "zod";

/**
 * Server configuration, parsed once from the environment. A bad value stops the server at start-up
 * (see `instrumentation.ts`) with a message naming the variable, instead of failing on first use.
 */

/** The built-in LeadLex emulator (`npm run emulator`), so a fresh checkout shows data at once. */
export const EMULATOR_API_URL = "http://127.0.0.1:4010/functions/v1/api-gateway";

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

const upstreamUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((value) => new URL(value))
  .refine((url) => !url.username && !url.password, "must not contain credentials")
  .refine((url) => !url.search && !url.hash, "must not contain a query or fragment")
  .refine(
    (url) => url.protocol === "https:" || loopbackHosts.has(url.hostname),
    "must use https unless it points at this machine",
  )
  .transform((url) => url.href.replace(/\/+$/, ""));

/** Redis for the shared cache and ledger; a password in it is never printed. */
const redisUrl = z
  .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
  .optional();

const milliseconds = (fallback: number) =>
  z.coerce.number().int().min(100).max(120_000).default(fallback);

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LEADLEX_API_URL: upstreamUrl.default(EMULATOR_API_URL),
    SESSION_SECRET: z
      .string()
      .min(32, "must be at least 32 characters (try: openssl rand -base64 32)")
      .optional(),
    /** Time allowed for one upstream attempt. */
    LEADLEX_ATTEMPT_TIMEOUT_MS: milliseconds(5_000),
    /** Time allowed for a whole upstream call, retries and waits included. */
    LEADLEX_TOTAL_TIMEOUT_MS: milliseconds(10_000),
    LEADLEX_MAX_RETRIES: z.coerce.number().int().min(0).max(2).default(2),
    /**
     * Whether the cross-site check may take the host from `X-Forwarded-Host`. Only a reverse proxy
     * that sets the header itself (replacing any the client sent) makes it trustworthy.
     */
    TRUST_FORWARDED_HOST: z
      .enum(["true", "false"], { error: "must be true or false" })
      .default("false")
      .transform((value) => value === "true"),
    /**
     * Whether the connect throttle may take the client's address from `X-Forwarded-For` (its last
     * entry, the address the proxy saw) instead of the socket's. Only true behind a reverse proxy
     * that sets or appends the header itself; otherwise a client could name any address it likes.
     */
    TRUST_FORWARDED_FOR: z
      .enum(["true", "false"], { error: "must be true or false" })
      .default("false")
      .transform((value) => value === "true"),
    /** Set: replicas share the cache, the quota ledger and their locks through this Redis. */
    REDIS_URL: redisUrl,
    /** The in-process cache's bound when REDIS_URL is not set, in MB of cached answers. */
    CACHE_MEMORY_MB: z.coerce.number().int().min(1).max(4_096).default(64),
    /** A key's run index expires this many hours after it was last used. */
    RUN_INDEX_IDLE_HOURS: z.coerce.number().int().min(1).max(720).default(24),
    /**
     * Tests only: the Live toggle's poll interval, in place of the one fitted to the plan. Obeyed
     * only against the emulator (`livePollIntervalOverrideMs`), never against the real API.
     */
    LIVE_POLL_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required in production (at least 32 characters)",
      });
    }
    if (env.LEADLEX_TOTAL_TIMEOUT_MS < env.LEADLEX_ATTEMPT_TIMEOUT_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["LEADLEX_TOTAL_TIMEOUT_MS"],
        message: "must be at least LEADLEX_ATTEMPT_TIMEOUT_MS",
      });
    }
  });

export type ServerEnv = z.infer<typeof envSchema> & { sessionSecret: string };

/**
 * Development without SESSION_SECRET still works, with a fixed, public secret; production refuses
 * to start without a real one (checked above), so this value never seals a production cookie.
 */
const DEVELOPMENT_ONLY_SECRET = "runboard-development-only-secret-not-for-production-use";

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  // `VAR=` in a shell or .env file means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".") || "(env)"} ${issue.message}`)
      .join("\n");
    throw new Error(`Runboard cannot start: invalid configuration\n${problems}`);
  }
  return { ...result.data, sessionSecret: result.data.SESSION_SECRET ?? DEVELOPMENT_ONLY_SECRET };
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** The demo keys are offered only when the upstream runs on this machine, i.e. the emulator. */
export function upstreamIsLocalEmulator(env: ServerEnv = serverEnv()): boolean {
  return loopbackHosts.has(new URL(env.LEADLEX_API_URL).hostname);
}

/** `LIVE_POLL_INTERVAL_MS` when the upstream is the local emulator; null against the real API. */
export function livePollIntervalOverrideMs(env: ServerEnv = serverEnv()): number | null {
  return env.LIVE_POLL_INTERVAL_MS !== undefined && upstreamIsLocalEmulator(env)
    ? env.LIVE_POLL_INTERVAL_MS
    : null;
}
