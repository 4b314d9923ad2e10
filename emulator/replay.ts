import { logsAnswer, workflowAnswer, workflowListAnswer } from "./api-answers";
import type { ApiAnswer } from "./api-answers";
import { demoKeyByLabel } from "./api-keys";
import { API_PREFIX, matchRoute } from "./api-router";
import type { Dataset } from "./data/dataset";
import type { RequestLogEntry } from "./request-log";

// POST /__emulator/replay: the answer a recorded call got, computed again at the instant it was
// answered. Runs keep arriving, so a test that compares the screen with the emulator must ask
// what LeadLex said to the app's own call, not what it says a moment later. Every answer is a
// pure function of the data and that instant (runs are written once and never change), so the
// replayed body equals the one sent.

export function replayAnswer(entry: RequestLogEntry, dataset: Dataset): ApiAnswer | null {
  if (entry.asOfMs === null || !entry.path.startsWith(API_PREFIX)) return null;
  const key = demoKeyByLabel(entry.keyLabel);
  const route = matchRoute(entry.path.slice(API_PREFIX.length));
  if (key === undefined || route === null) return null;
  const workspace = dataset.workspaces[key.workspaceId];
  if (route.kind === "list") return workflowListAnswer(workspace.listed, entry.query, entry.asOfMs);
  const record = workspace.byId.get(route.id);
  return route.kind === "workflow"
    ? workflowAnswer(record, entry.asOfMs)
    : logsAnswer(record, entry.query, entry.asOfMs);
}
