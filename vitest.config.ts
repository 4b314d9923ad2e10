import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside a React Server environment; unit tests run in plain Node.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["**/node_modules/**", ".next/**", ".next-*/**", ".runboard/**", "e2e/**"],
    environment: "node",
    // Vitest's default of 5 s is a speed limit in disguise: tests that build the emulator's data
    // set (over a million runs) pass or fail on how busy the machine is. A test here fails for
    // being wrong; a hang is still caught, just later.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
