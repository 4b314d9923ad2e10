import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel test runs build side by side (NEXT_DIST_DIR=.next-e2e-b); `.next` otherwise.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A self-contained server (`.next/standalone/server.js`) for containers and replicas: it carries
  // only the node_modules the server needs. See the README, "Running more than one instance".
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: {
    resolveAlias: {
      // TanStack Table's store asks for the pre-React-18 shim of useSyncExternalStore; React 19 has
      // the hook, and the shim's fallback cost every table page ~0.4 KB gzip of first-load JS.
      "use-sync-external-store/shim/with-selector": "use-sync-external-store/with-selector",
    },
  },
};

export default nextConfig;
