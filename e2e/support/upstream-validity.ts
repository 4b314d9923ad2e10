import type { RecordedRequest } from "./emulator-admin";

/**
 * What a request that reached LeadLex may look like: one of the three documented paths with an
 * allowlisted id, and only documented parameters, each once, each with a value LeadLex accepts.
 * Written independently of the app's own validation, as the oracle the bad-input tests hold the
 * emulator's request log to.
 */
const API_PREFIX = "/functions/v1/api-gateway/v1/workflows";
const ITEM_PATH = /^\/functions\/v1\/api-gateway\/v1\/workflows\/[A-Za-z0-9_-]{1,64}(\/logs)?$/;

const wholeNumber = (max: number) => (value: string) =>
  /^[1-9]\d{0,8}$/.test(value) && Number(value) <= max;

function utcSecondInstant(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value.replace("Z", ".000Z");
}

const listParameters: Record<string, (value: string) => boolean> = {
  page: wholeNumber(10_000_000),
  per_page: wholeNumber(100),
  enabled: (value) => value === "true" || value === "false",
  condition_entity: (value) => ["contact", "deal", "task", "email", "meeting"].includes(value),
  search: (value) =>
    value.length >= 1 && value.length <= 100 && !/[\u0000-\u001f\u007f]/.test(value),
};

const logsParameters: Record<string, (value: string) => boolean> = {
  page: wholeNumber(10_000_000),
  per_page: wholeNumber(100),
  status: (value) => ["success", "failed", "skipped"].includes(value),
  after: utcSecondInstant,
};

/** Why `request` should never have reached LeadLex, or `[]` when it is a valid call. */
export function upstreamRequestProblems(request: RecordedRequest): string[] {
  const problems: string[] = [];
  const allowed =
    request.path === API_PREFIX
      ? listParameters
      : ITEM_PATH.test(request.path)
        ? request.path.endsWith("/logs")
          ? logsParameters
          : {}
        : null;
  if (allowed === null) return [`path ${JSON.stringify(request.path)}`];
  const rawPath = request.rawUrl.split("?")[0];
  if (rawPath !== request.path) problems.push(`raw path ${JSON.stringify(rawPath)}`);
  for (const [name, values] of Object.entries(request.query)) {
    const check = allowed[name];
    if (!check) problems.push(`parameter ${JSON.stringify(name)}`);
    else if (values.length !== 1) problems.push(`${name} given ${values.length} times`);
    else if (!check(values[0] ?? "")) problems.push(`${name}=${JSON.stringify(values[0])}`);
  }
  return problems;
}

/** Every request with a problem, as `rawUrl: problems` lines (for a readable failure). */
export function invalidUpstreamRequests(requests: readonly RecordedRequest[]): string[] {
  return requests
    .map((request) => [request.rawUrl, upstreamRequestProblems(request)] as const)
    .filter(([, problems]) => problems.length > 0)
    .map(([rawUrl, problems]) => `${rawUrl.slice(0, 200)}: ${problems.join(", ")}`);
}
