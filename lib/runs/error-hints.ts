/**
 * For a failed run, what probably happened and what to change, in a CRM ops person's words.
 * A run log only gives a code and the destination's message; the hint turns that into a next step
 * (fix the channel, the template, the record or the endpoint). Unknown codes get no hint rather than
 * a guess: the message is then the best evidence.
 */

export interface ErrorHint {
  /** What most likely went wrong, in plain words. */
  likelyCause: string;
  /** What to change, and where. */
  whatToDo: string;
}

const HINTS: Readonly<Record<string, ErrorHint>> = {
  // Slack (send_channel_message)
  channel_not_found: {
    likelyCause:
      "The Slack channel named in the workflow's action no longer exists: it was renamed, archived or deleted, or its name is misspelled.",
    whatToDo:
      "Open the workflow's action settings and choose an existing channel, or unarchive the channel in Slack.",
  },
  not_in_channel: {
    likelyCause:
      "The LeadLex app is not a member of the Slack channel (private channels need an explicit invite).",
    whatToDo:
      "In Slack, invite the LeadLex app to the channel (type /invite @LeadLex there). Later runs will then post.",
  },
  rate_limited: {
    likelyCause:
      "The destination (for Slack, its per-channel posting limit) refused the message because too many were sent in a short time, typically after a bulk import or mass edit.",
    whatToDo:
      "Usually temporary. If it keeps happening, narrow the trigger condition or lower the daily cap so the workflow fires less often in bursts.",
  },
  // Email (send_email)
  mailbox_full: {
    likelyCause:
      "The recipient's mailbox is over its storage quota, so their mail server refused the message. The problem is on the recipient's side.",
    whatToDo:
      "Nothing to change in the workflow. Reach the person another way; if it keeps failing, the address may be abandoned, so update the record's email.",
  },
  invalid_recipient: {
    likelyCause:
      "The recipient address was rejected before sending: the field it comes from was empty or is not a valid email address.",
    whatToDo:
      "Fix the email field on the record that triggered the run, or point the workflow's recipient at a field that is always filled.",
  },
  bounced: {
    likelyCause:
      "The recipient's mail server rejected the message, usually because the address does not exist (a hard bounce).",
    whatToDo:
      "Check the address on the record for typos or mark the contact as unreachable; repeated bounces hurt the sender's reputation.",
  },
  // Webhook
  timeout: {
    likelyCause:
      "The webhook endpoint did not answer within LeadLex's time limit: it is overloaded, down, or does slow work before replying.",
    whatToDo:
      "Ask the endpoint's owner to reply at once and do slow work in the background, and check that the service is up.",
  },
  connection_refused: {
    likelyCause:
      "Nothing accepted the connection at the webhook's host and port: the service is down, the URL points at the wrong host or port, or a firewall blocks LeadLex.",
    whatToDo:
      "Check the webhook URL in the workflow's action settings and that the receiving service is running and reachable from the internet.",
  },
  // Any action with merge tokens
  template_render_error: {
    likelyCause:
      "The action's template uses a merge token LeadLex could not fill, such as a misspelled field or a field this record type does not have.",
    whatToDo:
      "Compare the token named in the error message with the fields of this record type, then fix the template in the workflow's action settings.",
  },
  // Tasks and field updates (codes LeadLex sends for create_task and update_field)
  assignee_not_found: {
    likelyCause:
      "The task's assignee is not an active user in this workspace (removed or deactivated).",
    whatToDo: "Choose an active user as the assignee in the workflow's action settings.",
  },
  due_date_invalid: {
    likelyCause:
      "The due date the workflow computed for the task was invalid, for example in the past.",
    whatToDo:
      "Check the due-date rule in the workflow's action settings, e.g. use an offset from today.",
  },
  field_locked: {
    likelyCause: "The field the workflow tried to update is locked by a validation rule.",
    whatToDo: "Relax the validation rule for this field, or update a different field.",
  },
  entity_not_found: {
    likelyCause: "The record that triggered the run was deleted before the action ran.",
    whatToDo: "Nothing to fix if the deletion was intended; otherwise restore the record.",
  },
};

const HTTP_STATUS_CODE = /^http_([1-5]\d\d)$/;

const HTTP_HINTS: Readonly<Record<string, ErrorHint>> = {
  auth: {
    likelyCause:
      "The webhook endpoint refused LeadLex's credentials (HTTP 401 or 403): the token or secret is wrong, expired or was rotated.",
    whatToDo: "Update the token or secret in the workflow's webhook settings.",
  },
  notFound: {
    likelyCause:
      "The webhook URL does not exist on the receiving server (HTTP 404 or 410): it moved, was removed, or has a typo.",
    whatToDo:
      "Get the current URL from the endpoint's owner and update it in the workflow's action settings.",
  },
  throttled: {
    likelyCause:
      "The webhook endpoint is rate limiting LeadLex (HTTP 429): the workflow sent more requests than it accepts.",
    whatToDo:
      "Ask the endpoint's owner to raise the limit, or make the workflow fire less often (narrower condition, lower daily cap).",
  },
  clientError: {
    likelyCause:
      "The webhook endpoint rejected the request (HTTP 4xx), so the problem is in what was sent: the URL, the credentials or the payload.",
    whatToDo:
      "Check the webhook URL, any auth header or token, and the payload format the endpoint expects, in the workflow's action settings.",
  },
  gateway: {
    likelyCause:
      "A gateway or proxy in front of the webhook endpoint could not get an answer from it (HTTP 502, 503 or 504): the service is down, overloaded or being deployed.",
    whatToDo:
      "Usually temporary and nothing to change in the workflow. If it persists, tell the endpoint's owner, quoting the run id and time.",
  },
  serverError: {
    likelyCause:
      "The receiving server failed while handling the request (HTTP 5xx). The problem is on its side, not in the workflow.",
    whatToDo:
      "Tell the endpoint's owner, quoting the run id and time so they can find it in their logs; the action result may hold their response.",
  },
};

function httpHint(status: number): ErrorHint | null {
  if (status === 401 || status === 403) return HTTP_HINTS.auth ?? null;
  if (status === 404 || status === 410) return HTTP_HINTS.notFound ?? null;
  if (status === 429) return HTTP_HINTS.throttled ?? null;
  if (status >= 400 && status < 500) return HTTP_HINTS.clientError ?? null;
  if (status >= 502 && status <= 504) return HTTP_HINTS.gateway ?? null;
  if (status >= 500) return HTTP_HINTS.serverError ?? null;
  // 1xx to 3xx are not failures a hint could explain.
  return null;
}

export function errorHint(code: string): ErrorHint | null {
  const normalized = code.trim().toLowerCase();
  // `Object.hasOwn`, not `in` or a plain lookup: "constructor" must not find Object.prototype.
  if (Object.hasOwn(HINTS, normalized)) return HINTS[normalized] ?? null;
  const http = HTTP_STATUS_CODE.exec(normalized);
  return http?.[1] ? httpHint(Number(http[1])) : null;
}
