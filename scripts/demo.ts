/**
 * `npm run demo`: the LeadLex emulator and the dashboard's production build, together, on one
 * machine. Prints the address and a demo key. A session secret is generated for this run when
 * none is set, so sessions end when the demo stops.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { DEMO_KEYS } from "../emulator/demo-keys";
import { createEmulator } from "../emulator/server";
import { standaloneServerCommand, standaloneServerEnv } from "./support/production-server";

const appPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010);

async function main() {
  const emulator = createEmulator();
  const { baseUrl } = await emulator.listen(emulatorPort, "127.0.0.1").catch((error: unknown) => {
    console.error(`Could not start the LeadLex emulator on port ${emulatorPort}: ${String(error)}`);
    console.error("Is another demo running? Stop it, or set EMULATOR_PORT to a free port.");
    process.exit(1);
  });

  const env: NodeJS.ProcessEnv = { ...process.env, LEADLEX_API_URL: baseUrl };
  if (!env.SESSION_SECRET) {
    env.SESSION_SECRET = randomBytes(32).toString("base64url");
    console.log("SESSION_SECRET was not set: generated an ephemeral one for this run.");
  }

  const [node, server] = standaloneServerCommand();
  const app = spawn(node, [server], {
    env: { ...env, ...standaloneServerEnv(appPort) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  app.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes("Ready")) {
      console.log(`
  Runboard is running:   http://localhost:${appPort}
  LeadLex emulator:      ${baseUrl}
  Demo key (Org plan):   ${DEMO_KEYS.org_full}   (or pick a demo key on the connect page)
  Stop with Ctrl+C.
`);
    }
  });

  const stop = async () => {
    app.kill("SIGTERM");
    await emulator.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.on("exit", async (code) => {
    await emulator.close();
    process.exit(code ?? 1);
  });
}

void main();
