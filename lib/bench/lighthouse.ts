import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import type { Cleanup } from "./app-server";

export type LighthouseRun = {
  page: string;
  formFactor: "mobile" | "desktop";
  /** 0–100; null when the run produced no score (its `error` says why). */
  score: number | null;
  /** First Contentful Paint, Largest Contentful Paint, Total Blocking Time, Speed Index (ms), Cumulative Layout Shift. */
  metrics: { fcpMs: number | null; lcpMs: number | null; tbtMs: number | null; speedIndexMs: number | null; cls: number | null };
  error?: string;
};

/** Debian's Chromium unless CHROME_PATH names another. */
export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/** Chromium headless for Lighthouse to drive, stopped by the cleanup. */
export async function launchChrome(cleanup: Cleanup): Promise<LaunchedChrome> {
  const chrome = await launch({
    chromePath: CHROME_PATH,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  cleanup.add("Chromium", async () => chrome.kill());
  return chrome;
}

/**
 * Lighthouse's performance category for a signed-in page: the mobile default (simulated slow
 * 4G and a 4× slower CPU) or its desktop configuration; the session cookie goes with every request.
 */
export async function runLighthouse(chrome: LaunchedChrome, url: string, page: string, cookie: string, formFactor: "mobile" | "desktop"): Promise<LighthouseRun> {
  const result = await lighthouse(
    url,
    { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } },
    formFactor === "desktop" ? desktopConfig : undefined,
  );
  const lhr = result?.lhr;
  const metric = (id: string) => lhr?.audits[id]?.numericValue ?? null;
  const score = lhr?.categories.performance?.score;
  return {
    page,
    formFactor,
    score: typeof score === "number" ? Math.round(score * 100) : null,
    metrics: { fcpMs: metric("first-contentful-paint"), lcpMs: metric("largest-contentful-paint"), tbtMs: metric("total-blocking-time"), speedIndexMs: metric("speed-index"), cls: metric("cumulative-layout-shift") },
    ...(lhr?.runtimeError ? { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
  };
}
