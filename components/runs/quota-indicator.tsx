import { formatCount } from "@/lib/format/numbers";
import type { RateLimitStatus } from "@/lib/model/page-meta";

interface QuotaIndicatorProps {
  rateLimit: RateLimitStatus | null;
}

/**
 * The key's remaining daily LeadLex quota, so nobody is surprised by a 429. On a phone the header
 * shows only "9,999,968 calls left"; the rest is still read out.
 */
export function QuotaIndicator({ rateLimit }: QuotaIndicatorProps) {
  if (!rateLimit) return null;
  const low = rateLimit.limit > 0 && rateLimit.remaining / rateLimit.limit < 0.1;
  return (
    <p
      className={`text-xs tabular-nums ${low ? "font-medium text-amber-800 dark:text-amber-300" : "text-slate-600 dark:text-slate-400"}`}
    >
      <span className="max-sm:sr-only">API quota today: </span>
      {formatCount(rateLimit.remaining)}
      <span className="max-sm:sr-only"> of {formatCount(rateLimit.limit)}</span> calls left
      {rateLimit.resetAt ? <span className="max-sm:sr-only"> · resets at midnight UTC</span> : null}
    </p>
  );
}
