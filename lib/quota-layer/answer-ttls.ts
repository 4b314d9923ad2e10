/**
 * How long an answer is served from the cache before LeadLex is asked again, per resource. Each
 * figure trades staleness against quota; the view says how old its figures are ("as of 09:31:05")
 * and Refresh asks LeadLex at once, so a stale answer is visible and one click from fresh.
 *
 * - Workflow details, 5 min: name, trigger and action change rarely; "triggers today", "last
 *   triggered" and an auto-disable can lag by up to 5 min (the runs table below is fresher).
 *   The runs page and the list's disabled rows share these entries.
 * - Workflow list, 60 s: a workflow created, renamed or switched off elsewhere appears up to a
 *   minute late. One call (plus the disabled rows' details, cached as above) per minute per filter.
 * - A logs page, 60 s (the issue started from 30 s): a new run appears on page 1 up to a minute
 *   late, and deeper pages shift by that many runs. Triage comes back to the same few views
 *   (Back, All, reopen, reload): the scripted triage session took 25–40 s here, so at 30 s its
 *   return to the failed runs was a second call about half the time; a person reading runs
 *   between clicks is slower still. A minute covers that, and Refresh is one click away.
 * - "Not found", 15 s: a mistyped or deleted id asked for again and again costs one call per 15 s;
 *   a workflow created a moment ago is found within 15 s. Nothing else that fails is kept: a 5xx,
 *   a timeout, a 429, a refused key must be asked again.
 */
export interface AnswerTtls {
  workflowList: number;
  workflowDetail: number;
  logsPage: number;
  notFound: number;
}

export const ANSWER_TTLS: AnswerTtls = {
  workflowList: 60_000,
  workflowDetail: 5 * 60_000,
  logsPage: 60_000,
  notFound: 15_000,
};
