/**
 * The words for each error code, in one place: its HTTP status, the title a page shows, the
 * message an API body carries when nothing more specific is known, and the one way on that the
 * page offers. Both list views, the route handlers, `proxy.ts` and the connect form read it, so a
 * code means the same thing, and says so in the same words, wherever it appears. Browser-safe;
 * in the browser only the error states, loaded on demand, import it.
 */
import type { AppErrorCode } from "./app-error-body";

/** What a page offers after the failure: the next step that can actually help. */
export type ErrorAction =
  /** The key is the problem: connect again, with this page as the way back. */
  | "reconnect"
  /** Asking again may work: a "Try again" button. */
  | "retry"
  /** Asking again will work after a wait LeadLex names: a countdown, then an automatic retry. */
  | "wait_and_retry"
  /** Nothing at this address can work: a link to the workflow list. */
  | "back_to_list";

export interface ErrorWords {
  status: number;
  title: string;
  message: string;
  action: ErrorAction;
}

export const errorVocabulary: Record<AppErrorCode, ErrorWords> = {
  not_connected: {
    status: 401,
    title: "Runboard is not connected to LeadLex",
    message: "Connect a LeadLex API key to see your workflows and their runs.",
    action: "reconnect",
  },
  invalid_key: {
    status: 401,
    title: "LeadLex rejected your API key",
    message: "LeadLex does not recognise this key. It may be mistyped or revoked.",
    action: "reconnect",
  },
  key_expired: {
    status: 401,
    title: "Your API key has expired",
    message:
      "This key has expired. Create a new one in LeadLex (Settings → API keys) and connect with it.",
    action: "reconnect",
  },
  insufficient_permissions: {
    status: 403,
    title: "This API key cannot read workflows",
    message:
      "Reading workflows and their runs needs the read:workflows permission (scope), and LeadLex says this key does not have it. Ask a LeadLex admin for a key with read:workflows, then connect with that key.",
    action: "reconnect",
  },
  not_found: {
    status: 404,
    title: "Workflow not found",
    message:
      "There is no workflow at this address for the connected workspace. The link may be mistyped (workflow ids look like wf_01HY1), the workflow may have been deleted with no runs left, or it may belong to another workspace.",
    action: "back_to_list",
  },
  bad_request: {
    status: 400,
    title: "That request was not valid",
    message: "The request had a value Runboard cannot use.",
    action: "back_to_list",
  },
  cross_site_refused: {
    status: 403,
    title: "Request refused",
    message: "Cross-site requests are not accepted.",
    action: "back_to_list",
  },
  rate_limited: {
    status: 429,
    title: "Rate limit reached",
    message: "LeadLex rate limit reached for this key.",
    action: "wait_and_retry",
  },
  too_many_attempts: {
    status: 429,
    title: "Too many attempts to connect",
    message: "Too many attempts to connect. Wait a moment, then try again.",
    action: "wait_and_retry",
  },
  confirmation_required: {
    status: 409,
    title: "This needs your confirmation",
    message:
      "This would spend more than 20 % of the key's LeadLex calls left today. Confirm its cost first.",
    action: "back_to_list",
  },
  upstream_unavailable: {
    status: 502,
    title: "LeadLex is unavailable",
    message: "LeadLex is not answering right now. This is usually brief; try again.",
    action: "retry",
  },
  upstream_timeout: {
    status: 504,
    title: "LeadLex timed out",
    message: "LeadLex took too long to answer. Try again in a moment.",
    action: "retry",
  },
  upstream_invalid_response: {
    status: 502,
    title: "LeadLex sent an unreadable answer",
    message:
      "LeadLex sent a response Runboard could not read. Nothing was changed; try again, and report the request id if it persists.",
    action: "retry",
  },
  internal_error: {
    status: 500,
    title: "Something went wrong inside Runboard",
    message: "Something went wrong inside Runboard. Try again.",
    action: "retry",
  },
};

export function errorWordsFor(code: AppErrorCode): ErrorWords {
  return errorVocabulary[code];
}
