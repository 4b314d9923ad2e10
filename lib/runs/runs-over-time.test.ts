import { describe, expect, it } from "vitest";
import { describeBucket, describeBucketSize, describeOverTime } from "./runs-over-time";

const HOUR = 3_600_000;
const bucket = (startMs: number, failed: number, skipped: number, success: number) => ({
  startMs,
  failed,
  skipped,
  success,
});

describe("the runs-over-time chart's words", () => {
  it("names a bar's span the way people say it", () => {
    expect(describeBucketSize(60_000)).toBe("1-minute");
    expect(describeBucketSize(15 * 60_000)).toBe("15-minute");
    expect(describeBucketSize(HOUR)).toBe("hourly");
    expect(describeBucketSize(3 * HOUR)).toBe("3-hour");
    expect(describeBucketSize(24 * HOUR)).toBe("daily");
    expect(describeBucketSize(48 * HOUR)).toBe("2-day");
  });

  it("lists a bucket's statuses failures first, leaving out the empty ones", () => {
    expect(describeBucket(bucket(0, 3, 0, 12))).toBe("3 failed, 12 succeeded");
    expect(describeBucket(bucket(0, 0, 1, 0))).toBe("1 skipped");
    expect(describeBucket(bucket(0, 0, 0, 0))).toBe("no runs");
  });

  it("reads the window in one sentence: the total and the busiest bar", () => {
    const overTime = {
      bucketMs: HOUR,
      buckets: [bucket(0, 1, 0, 0), bucket(HOUR, 3, 0, 2), bucket(2 * HOUR, 0, 0, 4)],
    };
    expect(describeOverTime(overTime, (ms) => `T+${ms / HOUR}h`)).toBe(
      "Runs over time: 10 runs in 3 hourly bars; the busiest bar, from T+1h, has 5 (3 failed, 2 succeeded).",
    );
  });

  it("says so when the window holds no run", () => {
    expect(describeOverTime({ bucketMs: HOUR, buckets: [bucket(0, 0, 0, 0)] }, String)).toBe(
      "Runs over time: no runs in 1 hourly bar.",
    );
  });
});
