/**
 * When Live stops polling, and why (the toggle says it). A hidden tab shows nobody anything; a
 * page past the first, or a window whose end has passed, is history that new runs do not change.
 * The runs view's time filter is a start (`after`, its window ends now), so there the window rule
 * holds only for views given an end; it is kept here so every view applies one rule.
 */
export type LivePauseReason = "hidden" | "page" | "past-window";

export interface LiveViewFacts {
  hidden: boolean;
  page: number;
  /** The view's absolute time window has ended (`hasWindowEnded`). */
  windowEnded: boolean;
}

export function livePauseReason(facts: LiveViewFacts): LivePauseReason | null {
  if (facts.page > 1) return "page";
  if (facts.windowEnded) return "past-window";
  if (facts.hidden) return "hidden";
  return null;
}

/** `windowEndMs` null: the window reaches now (a rolling one, or one with only a start). */
export function hasWindowEnded(windowEndMs: number | null, nowMs: number): boolean {
  return windowEndMs !== null && windowEndMs <= nowMs;
}

export const LIVE_PAUSE_WORDS: Record<LivePauseReason, string> = {
  hidden: "paused while this tab is hidden",
  page: "paused: new runs arrive on page 1",
  "past-window": "paused: this window has ended",
};
