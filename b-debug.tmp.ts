import { startRedisServer } from "./scripts/support/redis-server";
import { startAppProcess, startEmulatorProcess, describeCall, settledCallsSince } from "./scripts/support/app-instances";
import { sessionCookieHeader } from "./scripts/support/session-cookie";
const secret = "e2e-only-session-secret-0123456789abcdef";
const redis = await startRedisServer();
const emulator = await startEmulatorProcess();
const apps = await Promise.all([0, 1].map(() => startAppProcess({ LEADLEX_API_URL: emulator.apiBaseUrl, REDIS_URL: redis.url, SESSION_SECRET: secret, LEADLEX_ATTEMPT_TIMEOUT_MS: "2000", LEADLEX_TOTAL_TIMEOUT_MS: "4000" }, "/tmp/b-logs")));
try {
  const cookie = await sessionCookieHeader("wbk_demo_starter", secret);
  await emulator.setLatency(400);
  const paths = ["/api/workflows/wf_01HY1/logs?per_page=25", "/api/workflows?per_page=25"];
  const asked = [];
  for (let c = 0; c < 4; c++) for (const p of paths) for (const app of apps) asked.push(fetch(app.origin + p, { headers: { Cookie: cookie } }).then(r => r.status));
  console.log((await Promise.all(asked)).join(","));
  const calls = await settledCallsSince(emulator, 0);
  for (const c of calls) console.log(c.keyLabel, c.status, describeCall(c), Math.round(c.startedAt % 100000));
  for (const app of apps) console.log((await app.log()).split("\n").filter(l => l.includes("warn") || l.includes("error")).slice(0, 5).join("\n"));
} finally {
  await Promise.all(apps.map(a => a.stop())); await emulator.stop(); await redis.stop();
}
