import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel test runs build side by side (NEXT_DIST_DIR=.next-e2e-b); `.next` otherwise.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A self-contained server (`.next/standalone/server.js`) for containers and replicas: it carries
  // only the node_modules the server needs. See the README, "Running more than one instance".
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
