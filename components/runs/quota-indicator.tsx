import { formatCount } from "@/lib/format/numbers";
import type { RateLimitStatus } from "@/lib/model/page-meta";

interface QuotaIndicatorProps {
  rateLimit: RateLimitStatus | null;
}

/** The key's remaining daily LeadLex quota, so nobody is surprised by a 429. */
export function QuotaIndicator({ rateLimit }: QuotaIndicatorProps) {
  if (!rateLimit) return null;
  const low = rateLimit.limit > 0 && rateLimit.remaining / rateLimit.limit < 0.1;
  return (
    <p
      className={`text-xs tabular-nums ${low ? "font-medium text-amber-800 dark:text-amber-300" : "text-slate-600 dark:text-slate-400"}`}
    >
      API quota today: {formatCount(rateLimit.remaining)} of {formatCount(rateLimit.limit)} calls
      left{rateLimit.resetAt ? " · resets at midnight UTC" : ""}
    </p>
  );
}
