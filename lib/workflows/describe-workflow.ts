/**
 * A workflow's trigger and action in plain words ("When a deal's stage changes to “lost”" → "Post a
 * Slack message to #sales-alerts"). Every value comes from LeadLex, an untrusted upstream: the
 * results are plain strings for React to escape, flattened to one line, with control and
 * direction-override characters (which could disguise the text around them) shown as markers and cut short when
 * absurdly long. Unknown entities, operators and action types are shown by their raw names rather
 * than hidden. Shared by the server and the browser.
 */
import type { EntityType, WorkflowSummary } from "@/lib/model/workflow";
import { cleanText, MAX_NAME_LENGTH, MAX_VALUE_LENGTH } from "@/lib/text/clean-text";

export { cleanText, MAX_NAME_LENGTH, MAX_VALUE_LENGTH };

export type TriggerFields = Pick<
  WorkflowSummary,
  "conditionEntity" | "conditionField" | "conditionOperator" | "conditionValue"
>;
export type ActionFields = Pick<WorkflowSummary, "actionType" | "actionConfig">;

/** A workflow's name for headings and links; "Untitled workflow" when it has none. */
export function displayName(name: string): string {
  const text = cleanText(name, MAX_NAME_LENGTH);
  return text === "" ? "Untitled workflow" : text;
}

/** `days_to_renewal` → `days to renewal`. */
function words(identifier: string): string {
  return cleanText(identifier.replaceAll("_", " "));
}

function quoted(value: string): string {
  return `“${cleanText(value)}”`;
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

const ENTITY_NOUNS: Record<EntityType, string> = {
  contact: "contact",
  deal: "deal",
  task: "task",
  email: "email",
  meeting: "meeting",
};

/** "deal" for a known entity type; the raw name, cleaned, for one LeadLex added later; "record" for none. */
function entityNoun(entity: string): string {
  const key = entity.trim().toLowerCase();
  if (key in ENTITY_NOUNS) return ENTITY_NOUNS[key as EntityType];
  const raw = words(entity);
  return raw === "" ? "record" : raw;
}

/**
 * `When a deal's stage changes to “lost”`. An empty value for `equals` / `not_equals` reads as "is
 * empty" / "is not empty"; `changed` ignores the value, as LeadLex does.
 */
export function describeTrigger(workflow: TriggerFields): string {
  const entity = withArticle(entityNoun(workflow.conditionEntity));
  const field = words(workflow.conditionField);
  const subject = field === "" ? entity : `${entity}'s ${field}`;
  const value = workflow.conditionValue ?? "";
  const operator = workflow.conditionOperator.trim().toLowerCase();

  let condition: string;
  switch (operator) {
    case "equals":
      condition = value === "" ? "is empty" : `is ${quoted(value)}`;
      break;
    case "not_equals":
      condition = value === "" ? "is not empty" : `is not ${quoted(value)}`;
      break;
    case "contains":
      condition = `contains ${quoted(value)}`;
      break;
    case "changed":
      condition = "changes";
      break;
    case "changed_to":
      condition = `changes to ${quoted(value)}`;
      break;
    case "greater_than":
      condition = `is greater than ${quoted(value)}`;
      break;
    case "less_than":
      condition = `is less than ${quoted(value)}`;
      break;
    default: {
      // An operator LeadLex added after this was written: show its name, and the value if any.
      const name = words(workflow.conditionOperator);
      const shownValue = value === "" ? "" : ` ${quoted(value)}`;
      condition =
        name === ""
          ? `matches a condition${value === "" ? "" : ` with the value ${quoted(value)}`}`
          : `${name}${shownValue}`;
    }
  }
  return `When ${subject} ${condition}`;
}

/** A config value as display text: a string, number or boolean, or a list of them; else null. */
function readText(value: unknown): string | null {
  if (typeof value === "string") {
    const text = cleanText(value);
    return text === "" ? null : text;
  }
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean") {
    return String(value);
  }
  if (Array.isArray(value)) {
    const items = value.map(readText).filter((item): item is string => item !== null);
    return items.length === 0 ? null : cleanText(items.join(", "));
  }
  return null;
}

const CHANNEL_SERVICES: Record<string, string> = {
  slack: "Slack",
  teams: "Microsoft Teams",
  msteams: "Microsoft Teams",
  microsoft_teams: "Microsoft Teams",
  discord: "Discord",
  google_chat: "Google Chat",
};

function describeChannelMessage(config: Record<string, unknown>): string {
  const channel = readText(config.channel);
  const recipient = readText(config.recipient);
  // LeadLex's example puts the service in `channel` ("slack") and the room in `recipient`; a
  // `channel` that starts with # is read as the room itself.
  const channelIsRoom = channel?.startsWith("#") ?? false;
  const service =
    channel === null || channelIsRoom
      ? "channel"
      : (CHANNEL_SERVICES[channel.toLowerCase()] ?? words(channel));
  const room = recipient ?? (channelIsRoom ? channel : null);
  return `Post ${withArticle(service)} message${room === null ? "" : ` to ${room}`}`;
}

/** Origin and path only: credentials, query and fragment of a webhook URL often carry secrets. */
function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") {
      return cleanText(`${url.origin}${url.pathname === "/" ? "" : url.pathname}`);
    }
  } catch {
    // Not a URL at all: shown as text below.
  }
  return cleanText(raw);
}

function describeWebhook(config: Record<string, unknown>): string {
  const url = typeof config.url === "string" && config.url.trim() !== "" ? config.url.trim() : null;
  const rawMethod = readText(config.method);
  const method =
    rawMethod === null
      ? null
      : /^[A-Za-z]{1,10}$/.test(rawMethod)
        ? rawMethod.toUpperCase()
        : rawMethod;
  const parts = [method, url === null ? null : displayUrl(url)].filter(
    (part): part is string => part !== null,
  );
  return parts.length === 0 ? "Call a webhook" : `Call a webhook (${parts.join(" ")})`;
}

function describeFieldUpdate(config: Record<string, unknown>): string {
  const field = readText(config.field);
  const entity = readText(config.entity);
  if (field === null) return "Update a field";
  const target =
    entity === null ? `the ${words(field)} field` : `the ${entityNoun(entity)}'s ${words(field)}`;
  if (!("value" in config)) return `Update ${target}`;
  const value = readText(config.value);
  return value === null ? `Clear ${target}` : `Update ${target} to ${quoted(value)}`;
}

/** `Post a Slack message to #sales-alerts`, `Send an email to {{deal.owner_email}}`, … */
export function describeAction(workflow: ActionFields): string {
  const config = workflow.actionConfig;
  switch (workflow.actionType.trim().toLowerCase()) {
    case "send_channel_message":
      return describeChannelMessage(config);
    case "send_email": {
      const to = readText(config.to) ?? readText(config.recipient);
      return to === null ? "Send an email" : `Send an email to ${to}`;
    }
    case "create_task": {
      const title = readText(config.title);
      return title === null ? "Create a task" : `Create a task ${quoted(title)}`;
    }
    case "webhook":
      return describeWebhook(config);
    case "update_field":
      return describeFieldUpdate(config);
    default: {
      const raw = cleanText(workflow.actionType);
      return raw === "" ? "An unnamed action" : raw;
    }
  }
}

const AUTO_DISABLED_REASONS: Record<string, string> = {
  daily_cap_exceeded: "daily cap exceeded",
};

/** `daily_cap_exceeded` → `daily cap exceeded`; an unknown reason by its raw name, in words. */
export function describeAutoDisabledReason(reason: string): string {
  const known = AUTO_DISABLED_REASONS[reason.trim().toLowerCase()];
  if (known) return known;
  const text = words(reason);
  return text === "" ? "no reason given" : text;
}

export type WorkflowState = "enabled" | "disabled" | "auto_disabled";

/**
 * Auto-disabled means switched off by LeadLex, which is only known from the single-workflow call's
 * `auto_disabled_reason`. A reason left on an enabled workflow is stale and ignored.
 */
export function workflowState(enabled: boolean, autoDisabledReason?: string | null): WorkflowState {
  if (enabled) return "enabled";
  return autoDisabledReason ? "auto_disabled" : "disabled";
}
