import { readEnvConfig } from "./env-config";
import { createEmulator } from "./server";

// CLI entry: `tsx emulator/main.ts`. Configuration comes from EMULATOR_* variables (see README).

async function main(): Promise<void> {
  const env = readEnvConfig(process.env);
  if (!env.ok) {
    console.error(`LeadLex emulator: invalid configuration\n${env.message}`);
    process.exit(1);
  }
  const { port, host, options } = env.config;
  const emulator = createEmulator(options);
  let baseUrl: string;
  try {
    ({ baseUrl } = await emulator.listen(port, host));
  } catch (error) {
    console.error(
      `LeadLex emulator: cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  const { now, workflows } = emulator.summary;
  console.log(
    `LeadLex emulator listening on ${baseUrl} (now=${now.toISOString()}, workflows=${workflows})`,
  );

  const shutdown = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

void main();
