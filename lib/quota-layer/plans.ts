/**
 * LeadLex's plans. Its headers report only the daily counter (`X-RateLimit-Limit` is the daily
 * quota), so the per-minute limit is read off the plan that daily quota belongs to. An unknown or
 * missing daily limit is treated as the smallest plan: holding back a prefetch costs little,
 * running into a 429 costs the user a wait.
 */
export interface Plan {
  name: "starter" | "pro" | "org";
  perMinute: number;
  perDay: number;
}

export const PLANS: readonly Plan[] = [
  { name: "starter", perMinute: 10, perDay: 100 },
  { name: "pro", perMinute: 50, perDay: 1_000 },
  { name: "org", perMinute: 200, perDay: 10_000 },
];

export function planForDailyLimit(dailyLimit: number | null): Plan {
  let plan = PLANS[0] as Plan;
  for (const candidate of PLANS) {
    if (dailyLimit !== null && dailyLimit >= candidate.perDay) plan = candidate;
  }
  return plan;
}
