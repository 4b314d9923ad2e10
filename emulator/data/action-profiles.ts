import { logNormal, pick, pickWeighted, randomInt } from "../prng";
import type { Rng } from "../prng";
import { encodeUlid, ULID_RANDOM_BYTES } from "../ulid";
import type { ActionType, EntityType, RunError } from "../wire-types";

// What each action type produces: success payloads, failure modes with their error codes, and
// right-skewed durations (log-normal; webhooks have a long tail and time out at exactly 30 s).

/** Workflow details a run's result refers to, taken from the workflow's action_config. */
export interface ResultHints {
  channel?: string;
  webhookHost?: string;
  field?: string;
  oldValues?: readonly (string | null)[];
  newValues?: readonly string[];
}

export interface RunFacts {
  rng: Rng;
  tsSec: number;
  entityType: EntityType;
  recipient: string;
  hints: ResultHints;
}

export interface ActionOutcome {
  durationMs: number;
  actionResult: Record<string, unknown> | null;
  error: RunError | null;
}

interface FailureMode {
  code: string;
  weight: number;
  durationMs: (rng: Rng) => number;
  message: (facts: RunFacts) => string;
  partialResult?: (facts: RunFacts, durationMs: number) => Record<string, unknown>;
}

interface ActionProfile {
  successDurationMs: (rng: Rng) => number;
  successResult: (facts: RunFacts, durationMs: number) => Record<string, unknown>;
  failures: readonly FailureMode[];
}

export const WEBHOOK_TIMEOUT_MS = 30_000;
/** The longest any generated run takes: a webhook that times out. Every other clamp is lower. */
export const MAX_RUN_DURATION_MS = WEBHOOK_TIMEOUT_MS;

const ms = (rng: Rng, median: number, sigma: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, Math.round(logNormal(rng, median, sigma))));

const templateRenderError: FailureMode = {
  code: "template_render_error",
  weight: 1,
  durationMs: (rng) => ms(rng, 8, 0.5, 1, 200),
  message: (facts) => `Unknown merge token {{${facts.entityType}.owner_email}}`,
};

const PROFILES: Readonly<Record<ActionType, ActionProfile>> = {
  send_channel_message: {
    successDurationMs: (rng) => ms(rng, 300, 0.45, 40, 8_000),
    successResult: (facts, durationMs) => ({
      slack_message_ts: `${facts.tsSec + Math.floor(durationMs / 1000)}.${String(randomInt(facts.rng, 0, 999_999)).padStart(6, "0")}`,
      channel: channelOf(facts),
    }),
    failures: [
      {
        code: "channel_not_found",
        weight: 3,
        durationMs: (rng) => ms(rng, 180, 0.4, 20, 3_000),
        message: (facts) => `Slack channel ${channelOf(facts)} was not found or has been archived`,
      },
      {
        code: "not_in_channel",
        weight: 3,
        durationMs: (rng) => ms(rng, 170, 0.4, 20, 3_000),
        message: (facts) =>
          `The LeadLex app is not a member of ${channelOf(facts)}; invite @LeadLex to the channel`,
      },
      {
        code: "rate_limited",
        weight: 2,
        durationMs: (rng) => ms(rng, 90, 0.3, 10, 1_000),
        message: () => "Slack rate limit reached; the message was not posted (retry after 30 s)",
        partialResult: (facts) => ({ channel: channelOf(facts) }),
      },
      templateRenderError,
    ],
  },
  send_email: {
    successDurationMs: (rng) => ms(rng, 650, 0.5, 80, 20_000),
    successResult: (facts) => ({ message_id: messageId(facts.rng), recipient: facts.recipient }),
    failures: [
      {
        code: "mailbox_full",
        weight: 2,
        durationMs: (rng) => ms(rng, 900, 0.5, 80, 20_000),
        message: (facts) => `Recipient mailbox is full (452 4.2.2): ${facts.recipient}`,
        partialResult: (facts) => ({ recipient: facts.recipient }),
      },
      {
        code: "invalid_recipient",
        weight: 2,
        durationMs: (rng) => ms(rng, 40, 0.4, 5, 1_000),
        message: () => "Recipient address was rejected: the merge field resolved to an empty value",
      },
      {
        code: "bounced",
        weight: 3,
        durationMs: (rng) => ms(rng, 1_200, 0.5, 100, 20_000),
        message: (facts) => `Message to ${facts.recipient} bounced (550 5.1.1 user unknown)`,
        partialResult: (facts) => ({
          message_id: messageId(facts.rng),
          recipient: facts.recipient,
        }),
      },
      templateRenderError,
    ],
  },
  create_task: {
    successDurationMs: (rng) => ms(rng, 180, 0.4, 20, 5_000),
    successResult: (facts, durationMs) => ({
      task_id: `task_${encodeUlid(facts.tsSec * 1000 + durationMs, randomBytes(facts.rng))}`,
    }),
    failures: [
      {
        code: "assignee_not_found",
        weight: 3,
        durationMs: (rng) => ms(rng, 60, 0.4, 5, 2_000),
        message: () => "The assignee is not an active user in this workspace",
      },
      {
        code: "due_date_invalid",
        weight: 1,
        durationMs: (rng) => ms(rng, 30, 0.4, 5, 2_000),
        message: () => "The computed due date is in the past",
      },
      templateRenderError,
    ],
  },
  webhook: {
    successDurationMs: (rng) => ms(rng, 450, 1.1, 15, WEBHOOK_TIMEOUT_MS - 1),
    successResult: (facts, durationMs) => ({
      status_code: pickWeighted(facts.rng, [
        { value: 200, weight: 80 },
        { value: 201, weight: 5 },
        { value: 202, weight: 10 },
        { value: 204, weight: 5 },
      ]).value,
      response_ms: responseMs(facts.rng, durationMs),
    }),
    failures: [
      {
        code: "http_502",
        weight: 3,
        durationMs: (rng) => ms(rng, 1_800, 0.9, 30, WEBHOOK_TIMEOUT_MS - 1),
        message: (facts) => `Webhook ${hostOf(facts)} answered HTTP 502 Bad Gateway`,
        partialResult: (facts, durationMs) => ({
          status_code: 502,
          response_ms: responseMs(facts.rng, durationMs),
        }),
      },
      {
        code: "http_500",
        weight: 3,
        durationMs: (rng) => ms(rng, 700, 0.8, 30, WEBHOOK_TIMEOUT_MS - 1),
        message: (facts) => `Webhook ${hostOf(facts)} answered HTTP 500 Internal Server Error`,
        partialResult: (facts, durationMs) => ({
          status_code: 500,
          response_ms: responseMs(facts.rng, durationMs),
        }),
      },
      {
        code: "timeout",
        weight: 2,
        durationMs: () => WEBHOOK_TIMEOUT_MS,
        message: (facts) => `Webhook ${hostOf(facts)} did not answer within 30000 ms`,
      },
      {
        code: "connection_refused",
        weight: 2,
        durationMs: (rng) => ms(rng, 25, 0.4, 2, 1_000),
        message: (facts) => `Connection refused by ${hostOf(facts)}:443`,
      },
      templateRenderError,
    ],
  },
  update_field: {
    successDurationMs: (rng) => ms(rng, 85, 0.5, 10, 5_000),
    successResult: (facts) => ({
      field: facts.hints.field ?? "status",
      old_value: pick(facts.rng, facts.hints.oldValues ?? [null]),
      new_value: pick(facts.rng, facts.hints.newValues ?? ["updated"]),
    }),
    failures: [
      {
        code: "field_locked",
        weight: 2,
        durationMs: (rng) => ms(rng, 50, 0.4, 5, 2_000),
        message: (facts) => `Field ${facts.hints.field ?? "status"} is locked by a validation rule`,
      },
      {
        code: "entity_not_found",
        weight: 2,
        durationMs: (rng) => ms(rng, 45, 0.4, 5, 2_000),
        message: (facts) => `The ${facts.entityType} was deleted before the update ran`,
      },
      templateRenderError,
    ],
  },
};

export function successOutcome(action: ActionType, facts: RunFacts): ActionOutcome {
  const profile = PROFILES[action];
  const durationMs = profile.successDurationMs(facts.rng);
  return { durationMs, actionResult: profile.successResult(facts, durationMs), error: null };
}

export function failureOutcome(action: ActionType, facts: RunFacts): ActionOutcome {
  const mode = pickWeighted(facts.rng, PROFILES[action].failures);
  const durationMs = mode.durationMs(facts.rng);
  // Half of the failures that got partway report what they did get (e.g. the upstream status).
  const partial = mode.partialResult !== undefined && facts.rng() < 0.5;
  return {
    durationMs,
    actionResult: partial ? (mode.partialResult?.(facts, durationMs) ?? null) : null,
    error: { code: mode.code, message: mode.message(facts) },
  };
}

function channelOf(facts: RunFacts): string {
  return facts.hints.channel ?? "#general";
}

function hostOf(facts: RunFacts): string {
  return facts.hints.webhookHost ?? "the endpoint";
}

function responseMs(rng: Rng, durationMs: number): number {
  return Math.max(1, durationMs - randomInt(rng, 2, 40));
}

function randomBytes(rng: Rng): Uint8Array {
  const bytes = new Uint8Array(ULID_RANDOM_BYTES);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng() * 256);
  return bytes;
}

function messageId(rng: Rng): string {
  let hex = "";
  for (let i = 0; i < 24; i++) hex += Math.floor(rng() * 16).toString(16);
  return `<${hex.slice(0, 16)}.${hex.slice(16)}@mail.leadlex.com>`;
}
