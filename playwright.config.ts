import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
// Single sign-on is tested against a real OpenID Connect provider on loopback (tests/support/oidc-provider.ts).
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 1);
const OIDC = {
  OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
  OIDC_CLIENT_ID: "ubt-tracker-e2e",
  OIDC_CLIENT_SECRET: "a-secret-for-the-e2e-tests-only",
  OIDC_DISPLAY_NAME: "Partnership single sign-on",
};

// Debian's Chromium by default (Playwright cannot download its own browser here);
// PLAYWRIGHT_CHROMIUM_PATH picks another, and with neither Playwright's own is used.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: "npx tsx tests/support/oidc-provider.ts",
      url: `${OIDC.OIDC_ISSUER}/.well-known/openid-configuration`,
      env: { ...OIDC, OIDC_PORT: String(OIDC_PORT), APP_URL: BASE_URL },
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // A throwaway database, migrated and seeded, behind a production build.
      // Seeded as of the real today, unlike the integration tests' pinned SEED_NOW: the app
      // runs on the real clock, and its sponsor queues, co-lead homes, "this quarter" and
      // latest rated quarter are the real current quarter, which a seed pinned to a past day
      // would leave unrated. The specs read the quarter from the app where they need it.
      command: "npx tsx lib/cli/start.ts --ephemeral",
      url: `${BASE_URL}/api/health`,
      env: { PORT: String(PORT), NEXTAUTH_URL: BASE_URL, ...OIDC },
      // A build on a busy 2-core machine has taken over 4 minutes.
      timeout: 600_000,
      reuseExistingServer: false,
      // SIGTERM lets the server stop and delete its throwaway database.
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
