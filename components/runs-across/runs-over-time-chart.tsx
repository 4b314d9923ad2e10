"use client";

import { scaleBand, scaleLinear } from "@visx/scale";
import { BarStack } from "@visx/shape";
import { useMemo } from "react";
import { useTime } from "@/components/time/time-provider";
import { formatZoned } from "@/lib/format/date-time";
import { formatCount } from "@/lib/format/numbers";
import type { RunStatus } from "@/lib/model/run";
import {
  bucketTotal,
  describeBucket,
  describeBucketSize,
  describeOverTime,
  type OverTime,
  type OverTimeBucket,
} from "@/lib/runs/runs-over-time";

/** Failures at the bottom of each bar, on the axis the eye reads first. */
const STACK_ORDER: RunStatus[] = ["failed", "skipped", "success"];
const BAR_FILL: Record<RunStatus, string> = {
  failed: "#dc2626",
  skipped: "#94a3b8",
  success: "#10b981",
};
const LEGEND: { status: RunStatus; label: string }[] = [
  { status: "failed", label: "Failed" },
  { status: "skipped", label: "Skipped" },
  { status: "success", label: "Success" },
];
/** The drawing's own units; the SVG stretches to the width it is given. */
const WIDTH = 600;
const HEIGHT = 80;

const startLabel = (ms: number, timeZone: string) => formatZoned(ms, timeZone, "d MMM, HH:mm");

/**
 * Runs over the window per time bucket, stacked by status, for the filters in force: a spike shows
 * before anyone reads a row. The index counts the buckets on the server; this only draws them
 * (visx's scales and stack), with the times in the viewer's zone. People who do not see the bars
 * get one sentence as the drawing's name and the non-empty buckets as a table.
 */
export function RunsOverTimeChart({ overTime }: { overTime: OverTime }) {
  const { timeZone } = useTime();
  const { buckets, bucketMs } = overTime;
  const { xScale, yScale, peak } = useMemo(() => {
    const peak = Math.max(1, ...buckets.map(bucketTotal));
    return {
      peak,
      xScale: scaleBand<number>({
        domain: buckets.map((bucket) => bucket.startMs),
        range: [0, WIDTH],
        padding: 0.15,
      }),
      yScale: scaleLinear<number>({ domain: [0, peak], range: [HEIGHT, 0] }),
    };
  }, [buckets]);
  const nonEmpty = buckets.filter((bucket) => bucketTotal(bucket) > 0);
  const first = buckets[0];
  const last = buckets.at(-1);
  const span = describeBucketSize(bucketMs);

  return (
    <figure
      className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
      data-testid="runs-over-time"
    >
      <figcaption className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium text-slate-800 dark:text-slate-200">
          Runs over time, {span} bars
        </span>
        <span className="flex gap-3" aria-hidden="true">
          {LEGEND.map(({ status, label }) => (
            <span key={status} className="inline-flex items-center gap-1">
              <span className="size-2.5 rounded-sm" style={{ background: BAR_FILL[status] }} />
              {label}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="mt-2 flex items-stretch gap-2">
        <span className="w-8 shrink-0 text-right text-xs tabular-nums text-slate-500 dark:text-slate-400">
          {formatCount(peak)}
        </span>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-20 w-full border-b border-slate-300 dark:border-slate-600"
          role="img"
          aria-label={describeOverTime(overTime, (ms) => startLabel(ms, timeZone))}
        >
          <BarStack<OverTimeBucket, RunStatus>
            data={buckets}
            keys={STACK_ORDER}
            x={(bucket) => bucket.startMs}
            xScale={xScale}
            yScale={yScale}
            color={(status) => BAR_FILL[status]}
          >
            {(stacks) =>
              stacks.flatMap((stack) =>
                stack.bars
                  .filter((bar) => bar.height > 0)
                  .map((bar) => (
                    <rect
                      key={`${stack.key}-${bar.index}`}
                      x={bar.x}
                      y={bar.y}
                      width={bar.width}
                      height={bar.height}
                      fill={bar.color}
                    >
                      <title>
                        {`${startLabel(bar.bar.data.startMs, timeZone)}: ${describeBucket(bar.bar.data)}`}
                      </title>
                    </rect>
                  )),
              )
            }
          </BarStack>
        </svg>
      </div>
      {first && last ? (
        <div className="ml-10 mt-1 flex justify-between text-xs text-slate-500 dark:text-slate-400">
          <span>{startLabel(first.startMs, timeZone)}</span>
          <span>{startLabel(last.startMs, timeZone)}</span>
        </div>
      ) : null}
      {nonEmpty.length > 0 ? (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
            Show as a table
          </summary>
          <table className="mt-1 tabular-nums">
            <caption className="sr-only">Runs per {span} bar, buckets with runs only</caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="pr-4 font-medium">
                  From
                </th>
                {LEGEND.map(({ status, label }) => (
                  <th key={status} scope="col" className="pr-4 text-right font-medium">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {nonEmpty.map((bucket) => (
                <tr key={bucket.startMs} data-bucket-start={bucket.startMs}>
                  <th scope="row" className="pr-4 text-left font-normal">
                    {startLabel(bucket.startMs, timeZone)}
                  </th>
                  {LEGEND.map(({ status }) => (
                    <td key={status} className="pr-4 text-right" data-status={status}>
                      {formatCount(bucket[status])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}
