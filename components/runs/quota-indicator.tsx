import { formatCount } from "@/lib/format/numbers";
import type { RateLimitStatus } from "@/lib/model/page-meta";

interface QuotaIndicatorProps {
  rateLimit: RateLimitStatus | null;
}

/**
 * The key's remaining daily LeadLex quota, so nobody is surprised by a 429. The header shows
 * "9,999,968 of 10,000,000 calls left" on a wide screen and "9,999,968 calls left" below it, in
 * the box the header keeps for it (`.header-quota-slot`); the whole sentence is read out, and is
 * the tooltip.
 */
export function QuotaIndicator({ rateLimit }: QuotaIndicatorProps) {
  if (!rateLimit) return null;
  const low = rateLimit.limit > 0 && rateLimit.remaining / rateLimit.limit < 0.1;
  return (
    <p
      title={quotaSentence(rateLimit)}
      className={`text-xs leading-4 tabular-nums ${low ? "font-medium text-amber-800 dark:text-amber-300" : "text-slate-600 dark:text-slate-400"}`}
    >
      <span className="sr-only">API quota today: </span>
      {formatCount(rateLimit.remaining)}
      <span className="max-xl:sr-only"> of {formatCount(rateLimit.limit)}</span> calls left
      {rateLimit.resetAt ? <span className="sr-only"> · resets at midnight UTC</span> : null}
    </p>
  );
}

function quotaSentence(rateLimit: RateLimitStatus): string {
  const reset = rateLimit.resetAt ? " · resets at midnight UTC" : "";
  return `API quota today: ${formatCount(rateLimit.remaining)} of ${formatCount(rateLimit.limit)} calls left${reset}`;
}
