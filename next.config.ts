import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel test runs build side by side (NEXT_DIST_DIR=.next-e2e-b); `.next` otherwise.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
