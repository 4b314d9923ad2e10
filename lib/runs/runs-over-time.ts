/**
 * Words for the runs-over-time chart: what one bar spans and a one-sentence reading of the
 * window for people who do not see the bars (the chart's accessible name). Browser-safe.
 */
import type { RunsAcrossPage } from "@/lib/model/runs-across-page";
import { formatCount } from "@/lib/format/numbers";

export type OverTime = RunsAcrossPage["overTime"];
export type OverTimeBucket = OverTime["buckets"][number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function bucketTotal(bucket: OverTimeBucket): number {
  return bucket.success + bucket.failed + bucket.skipped;
}

/** "1-minute", "hourly", "3-hour", "daily", "2-day": what one bar spans. */
export function describeBucketSize(bucketMs: number): string {
  if (bucketMs === HOUR) return "hourly";
  if (bucketMs === DAY) return "daily";
  if (bucketMs % DAY === 0) return `${bucketMs / DAY}-day`;
  if (bucketMs % HOUR === 0) return `${bucketMs / HOUR}-hour`;
  return `${Math.max(1, Math.round(bucketMs / MINUTE))}-minute`;
}

/** "3 failed, 1 skipped, 12 succeeded" — the statuses a bucket holds, failures first. */
export function describeBucket(bucket: OverTimeBucket): string {
  const parts = [
    bucket.failed > 0 ? `${formatCount(bucket.failed)} failed` : null,
    bucket.skipped > 0 ? `${formatCount(bucket.skipped)} skipped` : null,
    bucket.success > 0 ? `${formatCount(bucket.success)} succeeded` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(", ") : "no runs";
}

/**
 * "Runs over time: 14 runs in 24 hourly bars; the busiest bar, from 1 Dec, 09:00, has 5 (3 failed,
 * 2 succeeded)." `formatStart` writes an instant in the viewer's zone.
 */
export function describeOverTime(overTime: OverTime, formatStart: (ms: number) => string): string {
  const { buckets, bucketMs } = overTime;
  const total = buckets.reduce((sum, bucket) => sum + bucketTotal(bucket), 0);
  const bars = `${buckets.length} ${describeBucketSize(bucketMs)} bar${buckets.length === 1 ? "" : "s"}`;
  if (total === 0) return `Runs over time: no runs in ${bars}.`;
  const busiest = buckets.reduce((best, bucket) =>
    bucketTotal(bucket) > bucketTotal(best) ? bucket : best,
  );
  return (
    `Runs over time: ${formatCount(total)} run${total === 1 ? "" : "s"} in ${bars}; the busiest ` +
    `bar, from ${formatStart(busiest.startMs)}, has ${formatCount(bucketTotal(busiest))} ` +
    `(${describeBucket(busiest)}).`
  );
}
