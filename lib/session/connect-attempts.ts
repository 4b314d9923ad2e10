import "server-only";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/config/server-env";
import { clientAddress } from "@/lib/http/client-address";
import { AppError } from "@/lib/model/app-error";
import { sealedStore } from "@/lib/quota-layer";
import { planForDailyLimit } from "@/lib/quota-layer/plans";
import {
  createConnectThrottle,
  type AttemptVerdict,
  type ConnectThrottle,
  type ThrottleBound,
} from "@/lib/security/connect-throttle";
import { logServerEvent } from "@/lib/server-log";
import { processStore } from "@/lib/store/process-store";

/**
 * The connect form's bounds, and its log of failed attempts (one line each: time, client,
 * verdict; never the key). Failures count against the client and against everyone: a person who
 * mistypes a few times never meets them, a script trying keys does. Every check of one key,
 * accepted or not, counts against that key, at half its plan's minute, so a stranger trying
 * someone's real key can no longer spend the owner's quota (a Starter key keeps 5 of its 10 calls
 * a minute).
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const CONNECT_FAILURE_BOUNDS = {
  perClientPerMinute: 5,
  perClientPerHour: 20,
  everyonePerMinute: 60,
} as const;

const onlyRefusals = (verdict: AttemptVerdict) => verdict === "refused";
const everyAnswer = (verdict: AttemptVerdict) => verdict !== "unanswered";

export function connectBounds(
  client: string,
  keyId: string,
  keyCallsPerMinute: number,
): ThrottleBound[] {
  const { perClientPerMinute, perClientPerHour, everyonePerMinute } = CONNECT_FAILURE_BOUNDS;
  return [
    {
      scope: "client",
      subject: client,
      limit: perClientPerMinute,
      windowMs: MINUTE_MS,
      counts: onlyRefusals,
    },
    {
      scope: "client",
      subject: client,
      limit: perClientPerHour,
      windowMs: HOUR_MS,
      counts: onlyRefusals,
    },
    {
      scope: "everyone",
      subject: "",
      limit: everyonePerMinute,
      windowMs: MINUTE_MS,
      counts: onlyRefusals,
    },
    {
      scope: "key",
      subject: keyId,
      limit: Math.max(1, Math.floor(keyCallsPerMinute / 2)),
      windowMs: MINUTE_MS,
      counts: everyAnswer,
    },
  ];
}

/** LeadLex's answer about the key itself counts; its being down or unreadable does not. */
export function verdictOf(error: AppError | null): AttemptVerdict {
  if (error === null) return "accepted";
  switch (error.code) {
    case "invalid_key":
    case "key_expired":
    case "insufficient_permissions":
    case "rate_limited":
      return "refused";
    default:
      return "unanswered";
  }
}

const WHO_IS_WAITED_FOR: Record<string, string> = {
  client: "from your address",
  everyone: "from everyone at once",
  key: "with this key",
};

let throttle: ConnectThrottle | undefined;

/**
 * The plan of each key that passed a check is remembered apart from the key's own entries, which
 * sign-out purges: otherwise every sign-out would drop the key to the smallest plan's bound.
 * Keys never seen count as the smallest plan.
 */
const PLAN_MEMORY_MS = 24 * HOUR_MS;
const planKey = (keyId: string) => `connect:plan:${keyId}`;

async function callsPerMinuteOf(keyId: string): Promise<number> {
  const known = await processStore()
    .get(planKey(keyId))
    .catch(() => null);
  return Number(known?.toString("utf8")) || planForDailyLimit(null).perMinute;
}

async function rememberPlan(keyId: string, dailyLimit: number | null): Promise<void> {
  if (dailyLimit === null) return;
  const perMinute = String(planForDailyLimit(dailyLimit).perMinute);
  await processStore()
    .set(planKey(keyId), Buffer.from(perMinute), PLAN_MEMORY_MS)
    .catch(() => undefined);
}

/**
 * Runs `check` (the LeadLex call that proves the key, resolving to the daily limit LeadLex
 * reported) if the bounds allow it. Resolves to null when the key is good, or to the error to
 * show: the check's own, or `too_many_attempts`.
 */
export async function throttledKeyCheck(
  apiKey: string,
  check: () => Promise<number | null>,
): Promise<AppError | null> {
  const client = clientAddress(await headers(), serverEnv().TRUST_FORWARDED_FOR);
  const keyId = sealedStore().scopeFor(apiKey).namespace;
  throttle ??= createConnectThrottle(processStore(), serverEnv().sessionSecret);
  const bounds = connectBounds(client, keyId, await callsPerMinuteOf(keyId));
  const decision = await throttle.attempt(bounds);

  if (!decision.admitted) {
    logFailedAttempt(client, "too_many_attempts", decision.scope);
    return new AppError("too_many_attempts", {
      message: `Too many attempts to connect ${WHO_IS_WAITED_FOR[decision.scope] ?? ""}.`,
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  let failure: AppError | null = null;
  try {
    await rememberPlan(keyId, await check());
  } catch (error) {
    failure = error instanceof AppError ? error : new AppError("internal_error", { cause: error });
  }
  await decision.settle(verdictOf(failure));
  if (failure) logFailedAttempt(client, failure.code);
  return failure;
}

export function logFailedAttempt(client: string, verdict: string, bound?: string): void {
  logServerEvent("warn", "connect_attempt_failed", { client, verdict, bound });
}
