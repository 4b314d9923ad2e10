/**
 * Checks on a Server Action post before Next decodes it. Next answers an undecodable one with a
 * 500 and a stack trace in the log (a body that is neither a form nor React's JSON, a multipart
 * body that does not parse, one over its size limit, a reference to a part that is not there), and
 * logs a malformed action id verbatim, control characters included. Anything this server's own
 * forms never send is the client's mistake, and gets a 4xx here instead.
 *
 * What the forms send (React 19's reply format, as Next 16 posts it; `e2e/security/
 * hostile-requests.spec.ts` posts both forms for real, with and without JavaScript, so a change of
 * format fails the suite rather than the users):
 * - with JavaScript, a `Next-Action` header and the arguments as a JSON array: the whole body
 *   (`text/plain`) when they are plain values, or field `0` of a multipart form when one of them
 *   is a form (`"$K1"` then refers to the fields named `1_…`);
 * - without JavaScript, a multipart form naming the action in a field: `$ACTION_ID_<id>`, or
 *   `$ACTION_REF_<n>` with `$ACTION_<n>:0` = `{"id":…,"bound":"$@<m>"}` and the bound arguments,
 *   a JSON array, in `$ACTION_<n>:<m>`.
 * In those arrays a string starting with `$` is a reference; Runboard's actions take only plain
 * values and forms, so only `$$…` (an escaped `$`), `$undefined` and `$K<n>` are accepted.
 */

/** Next's own default `serverActions.bodySizeLimit` (1 MB), checked here so it never throws. */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

/** Next's action ids: 42 hexadecimal characters. */
const ACTION_ID = /^[0-9a-f]{42}$/;

export interface ActionRefusal {
  status: 400 | 411 | 413;
  message: string;
}

const UNREADABLE: ActionRefusal = {
  status: 400,
  message: "That form post could not be read: it is not one of Runboard's forms.",
};

/**
 * A post Next would treat as a Server Action: one sent by React (a `Next-Action` header) or a
 * multipart form posted without JavaScript (Next reads its action from the form's fields).
 */
export function isServerActionPost(method: string, headers: Headers): boolean {
  return (
    method === "POST" && (headers.has("next-action") || isMultipart(headers.get("content-type")))
  );
}

/** What can be checked without reading the body. */
export function refuseActionHeaders(headers: Headers): ActionRefusal | null {
  const actionId = headers.get("next-action");
  if (actionId !== null && !ACTION_ID.test(actionId)) {
    return { status: 400, message: "That form post names no action of Runboard's." };
  }
  const contentType = headers.get("content-type");
  if (!isMultipart(contentType) && !(actionId !== null && isPlainText(contentType))) {
    return UNREADABLE;
  }
  const declared = headers.get("content-length")?.trim();
  if (declared === undefined || !/^\d{1,15}$/.test(declared)) {
    return { status: 411, message: "A form post must state its length." };
  }
  if (Number(declared) > MAX_ACTION_BODY_BYTES) {
    return { status: 413, message: "That form post is larger than Runboard accepts (1 MB)." };
  }
  return null;
}

/** Reads the body, already checked for size, the way Next is about to. */
export async function refuseActionBody(request: Request): Promise<ActionRefusal | null> {
  const fromReact = request.headers.has("next-action");
  if (!isMultipart(request.headers.get("content-type"))) {
    return isPlainArguments(await request.text(), false) ? null : UNREADABLE;
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return UNREADABLE;
  }
  const readable = fromReact ? isPlainArguments(form.get("0"), true) : namesItsActionPlainly(form);
  return readable ? null : UNREADABLE;
}

/** A form posted without JavaScript: its action fields, as described at the top. */
function namesItsActionPlainly(form: FormData): boolean {
  for (const [name, value] of form) {
    if (name.startsWith("$ACTION_ID_") && !ACTION_ID.test(name.slice("$ACTION_ID_".length))) {
      return false;
    }
    const part = /^\$ACTION_(\d+):(\d+)$/.exec(name);
    if (!part) continue;
    const [, ref, index] = part;
    if (index !== "0") {
      if (!isPlainArguments(value, false)) return false;
      continue;
    }
    const reference = parseJson(value);
    if (typeof reference !== "object" || reference === null) return false;
    const { id, bound } = reference as Record<string, unknown>;
    if (typeof id !== "string" || !ACTION_ID.test(id)) return false;
    if (bound === null) continue;
    const boundPart = typeof bound === "string" ? /^\$@(\d+)$/.exec(bound)?.[1] : undefined;
    if (boundPart === undefined || !form.has(`$ACTION_${ref}:${boundPart}`)) return false;
  }
  return true;
}

/** A JSON array whose `$` strings are only those Runboard's actions can receive. */
function isPlainArguments(value: FormDataEntryValue | string | null, formsAllowed: boolean) {
  const root = parseJson(value);
  if (!Array.isArray(root)) return false;
  // Iterative, and without spreading: the body may hold 500,000 values or nest 300,000 deep.
  const pending: unknown[] = [root];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next === "string") {
      if (next.startsWith("$") && !isPlainReference(next, formsAllowed)) return false;
    } else if (typeof next === "object" && next !== null) {
      for (const item of Object.values(next)) pending.push(item);
    }
  }
  return true;
}

function isPlainReference(text: string, formsAllowed: boolean): boolean {
  return text.startsWith("$$") || text === "$undefined" || (formsAllowed && /^\$K\d+$/.test(text));
}

function parseJson(value: FormDataEntryValue | string | null): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function isMultipart(contentType: string | null): boolean {
  return /^multipart\/form-data\s*;(.*;)?\s*boundary=/i.test(contentType?.trim() ?? "");
}

function isPlainText(contentType: string | null): boolean {
  return /^text\/plain\s*(;|$)/i.test(contentType?.trim() ?? "");
}
