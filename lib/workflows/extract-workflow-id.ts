import { isWorkflowId } from "@/lib/model/workflow-id";

/**
 * A Runboard link to a workflow's runs, wherever it is hosted (under a path prefix too): the segment
 * after `/workflows/`. Query, hash and deeper segments are ignored.
 */
const WORKFLOW_PATH = /(?:^|\/)workflows\/([^/]+)/;
/** Any scheme, so `http://…`, `https://…` and `localhost:3000/…`-style pastes are read as links. */
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/**
 * What someone typed or pasted into "Open a workflow by id": a bare id (`wf_01HY1`), a path
 * (`/workflows/wf_01HY1?status=failed`) or a full URL (`https://host/workflows/wf_01HY1`). Returns the
 * id when it passes the allowlist, else null. Surrounding whitespace is ignored.
 */
export function extractWorkflowId(input: string): string | null {
  const text = input.trim();
  if (text === "") return null;
  if (isWorkflowId(text)) return text;

  let pathname: string;
  if (HAS_SCHEME.test(text)) {
    try {
      pathname = new URL(text).pathname;
    } catch {
      return null;
    }
  } else if (text.startsWith("/")) {
    pathname = text.split(/[?#]/, 1)[0] ?? "";
  } else {
    return null;
  }

  const segment = WORKFLOW_PATH.exec(pathname)?.[1];
  if (segment === undefined) return null;
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return isWorkflowId(id) ? id : null;
}
