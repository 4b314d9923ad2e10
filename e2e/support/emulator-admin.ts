import { E2E_EMULATOR_URL } from "./ports";

/** The emulator's admin endpoints: what LeadLex was asked, and run-time knobs for one test. */
export interface RecordedRequest {
  seq: number;
  method: string;
  rawUrl: string;
  path: string;
  query: Record<string, string[]>;
  keyLabel: string;
  /** The answer's X-Request-ID. */
  requestId: string;
  status: number | null;
  startedAt: number;
  finishedAt: number | null;
  /** The emulator clock instant the answer's data was read at; null when there was none. */
  asOfMs: number | null;
}

export async function emulatorRequests(): Promise<RecordedRequest[]> {
  const url = `${E2E_EMULATOR_URL}/__emulator/requests`;
  // A kept-alive socket the emulator closed while the test was busy elsewhere fails the first
  // fetch on it ("other side closed"); a second one opens a new connection.
  const response = await fetch(url).catch(() => fetch(url));
  const body = (await response.json()) as { requests: RecordedRequest[] };
  return body.requests;
}

/** Requests made after `since` (a `seq`), so parallel tests do not see each other's calls. */
export async function emulatorRequestsSince(since: number): Promise<RecordedRequest[]> {
  return (await emulatorRequests()).filter((request) => request.seq > since);
}

export async function lastRequestSeq(): Promise<number> {
  const requests = await emulatorRequests();
  return requests.at(-1)?.seq ?? 0;
}

/** Slows the emulator's answers for these workflows only (`{}` undoes it); throws when refused. */
export async function setWorkflowLatency(latencyByWorkflow: Record<string, number>): Promise<void> {
  const response = await fetch(`${E2E_EMULATOR_URL}/__emulator/config`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ latencyByWorkflow }),
  });
  if (response.status !== 200) {
    throw new Error(`the emulator refused the latency: ${response.status}`);
  }
}

export async function setEmulatorLatency(latencyMs: number): Promise<void> {
  await fetch(`${E2E_EMULATOR_URL}/__emulator/config`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ latencyMs }),
  });
}

/**
 * What LeadLex answered to a recorded call, recomputed at the instant it was answered. Runs keep
 * arriving in the emulator, so the screen is compared with this, the answer the app itself got,
 * rather than with what the emulator says a moment later.
 */
export async function replayedAnswer<T>(request: RecordedRequest): Promise<T> {
  const response = await fetch(`${E2E_EMULATOR_URL}/__emulator/replay`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ seq: request.seq }),
  });
  if (response.status !== 200) throw new Error(`replay of ${request.rawUrl}: ${response.status}`);
  return ((await response.json()) as { body: T }).body;
}
