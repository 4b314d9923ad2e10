"use client";

import { useEffect, useState } from "react";
import { DAILY_QUOTA_WAIT_SECONDS, formatWait } from "@/lib/format/wait";

export interface RateLimitCountdownProps {
  /** LeadLex's wait, or null when it did not say. */
  seconds: number | null;
  /** Called once when the wait is over: the view asks again by itself. */
  onElapsed: () => void;
}

const TICK_MS = 250;

/** "The limit resets in 27 s; Runboard will retry automatically then." */
export function RateLimitCountdown({ seconds, onElapsed }: RateLimitCountdownProps) {
  const [deadline] = useState(() => (seconds === null ? null : Date.now() + seconds * 1000));
  const [left, setLeft] = useState(seconds);

  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        onElapsed();
      }
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [deadline, onElapsed]);

  if (left === null) {
    return (
      <p className="mt-2">LeadLex did not say when the limit resets; try again in a minute.</p>
    );
  }
  return (
    <p className="mt-2" aria-live="polite">
      {left > 0 ? (
        <>
          The limit resets in <span className="font-semibold tabular-nums">{formatWait(left)}</span>
          ; Runboard will retry automatically then.
          {seconds !== null && seconds >= DAILY_QUOTA_WAIT_SECONDS
            ? " The daily quota resets at midnight UTC."
            : null}
        </>
      ) : (
        "Retrying now…"
      )}
    </p>
  );
}
