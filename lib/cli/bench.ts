/**
 * `npm run bench -- --scale N`: the production build against the database ubt_scale_<N>
 * (npm run db:generate -- --scale N makes it), or the one --database names. Measures every
 * dashboard, key page and CSV export signed in as the role that uses it (p50/p95/p99, bytes)
 * with two floors (the raw SQL of the page's figures; the cheapest signed-in response), the
 * main writes through the server-action transport, a mixed read load at 10 and 50
 * connections (autocannon) and Lighthouse on the overview and the team page. Prints one line
 * per page and writes bench-results/<timestamp>-scale<N>.md and .json. See lib/bench/options.ts
 * for the options. Everything it starts stops at the end, on error and on Ctrl-C.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { checkInstancesAgree } from "@/lib/bench/agreement";
import { BenchDatabaseError, Cleanup, openBenchDatabase, startProductionServer } from "@/lib/bench/app-server";
import { launchChrome, runLighthouse, type LighthouseRun } from "@/lib/bench/lighthouse";
import { runLoad, waitForQuietServer, type LoadRequest } from "@/lib/bench/load";
import { DOWNLOAD_SAMPLES, measureAfterWrite, measureDownload, measureFloor, measurePage } from "@/lib/bench/measure";
import { actionCaller, benchProjectWrites, benchRatings, readActionIds } from "@/lib/bench/mutations";
import { BENCH_USAGE, BenchUsageError, parseBenchOptions, type BenchOptions } from "@/lib/bench/options";
import { BENCH_ROLES, benchPages, discoverFixtures, type BenchRole } from "@/lib/bench/pages";
import { markdownReport, pageHeader, pageLine, type BenchReport, type PageResult } from "@/lib/bench/report";
import { lighthouseVerdict, loadVerdict } from "@/lib/bench/stats";
import { signInCookie } from "@/lib/bench/sign-in";
import { freePort } from "@/lib/free-port";

const ROOT = process.cwd();
const RESULTS_DIR = path.join(ROOT, "bench-results");
/** The app's cheapest signed-in response: next-auth's session endpoint, which checks the server-side session and reads nothing else. */
const CHEAPEST_SIGNED_IN = "/api/auth/session";
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function signInAll(baseUrl: string): Promise<Record<BenchRole, string>> {
  const cookies = {} as Record<BenchRole, string>;
  for (const [role, email] of Object.entries(BENCH_ROLES) as [BenchRole, string][]) cookies[role] = await signInCookie(baseUrl, email);
  return cookies;
}

async function benchmark(options: BenchOptions, cleanup: Cleanup): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  const database = await openBenchDatabase(ROOT, options, cleanup);
  const sql = new pg.Client({ connectionString: database.appUrl });
  // A lost connection (the database stopped, e.g. by the same Ctrl-C) fails the next query, which reports it; unhandled, it would crash the cleanup.
  sql.on("error", (error) => console.error(`The SQL connection was lost: ${error.message}`));
  await sql.connect();
  cleanup.add("the SQL connection", () => sql.end());
  const fixtures = await discoverFixtures(sql);

  const port = options.port ?? (await freePort());
  const { baseUrl } = await startProductionServer(ROOT, database, port, cleanup);
  console.log(`Benchmarking ${baseUrl} on ${database.label} at scale ${options.scale}, ${options.samples} samples per page (load average ${loadAtStart.toFixed(1)}).`);
  const cookies = await signInAll(baseUrl);

  const cheapest = await measurePage(`${baseUrl}${CHEAPEST_SIGNED_IN}`, cookies.staff, options.samples);
  console.log(`Cheapest signed-in response (GET ${CHEAPEST_SIGNED_IN} as staff): p50 ${cheapest.p50.toFixed(0)} ms, p95 ${cheapest.p95.toFixed(0)} ms\n`);
  console.log(pageHeader());
  const pages: PageResult[] = [];
  for (const page of benchPages(fixtures)) {
    cleanup.assertRunning();
    const result: PageResult = { name: page.name, role: page.role, path: page.path, timing: null, sqlFloor: null };
    try {
      const url = `${baseUrl}${page.path}`;
      result.timing = page.download ? await measureDownload(url, cookies[page.role], options.samples) : await measurePage(url, cookies[page.role], options.samples, page.status);
      result.sqlFloor = await measureFloor(sql, page.floor, page.download ? Math.min(options.samples, DOWNLOAD_SAMPLES) : options.samples);
      if (!page.download) result.afterWrite = await measureAfterWrite(sql, url, cookies[page.role], page.status);
    } catch (error) {
      result.error = message(error);
    }
    pages.push(result);
    console.log(pageLine(result, options.scale));
  }

  cleanup.assertRunning();
  const mutations: BenchReport["mutations"] = { transport: "Next's server-action transport over HTTP (POST with the Next-Action id from the build's manifest)", runs: [] };
  try {
    const ids = readActionIds(ROOT);
    mutations.runs.push(...(await benchRatings(sql, actionCaller(baseUrl, cookies.sponsor, ids), fixtures, options.samples)));
    mutations.runs.push(...(await benchProjectWrites(sql, actionCaller(baseUrl, cookies.colead, ids), fixtures, options.samples)));
  } catch (error) {
    mutations.error = message(error);
  }
  console.log("\nMutations (server actions):");
  for (const run of mutations.runs) console.log(`  ${run.name.padEnd(32)} p50 ${run.p50.toFixed(0)} ms, p95 ${run.p95.toFixed(0)} ms, p99 ${run.p99.toFixed(0)} ms`);
  if (mutations.error) console.log(`  not completed: ${mutations.error}`);

  cleanup.assertRunning();
  const agreement: BenchReport["agreement"] = { instances: [baseUrl], checks: [] };
  try {
    // A second instance on the same database and secret, as behind a load balancer; stopped before the load runs.
    const second = await startProductionServer(ROOT, database, await freePort(), cleanup);
    agreement.instances.push(second.baseUrl);
    const figures = benchPages(fixtures)
      .filter((page) => page.path.startsWith("/api/exports/overview/"))
      .map((page) => ({ name: page.name, path: page.path, cookie: cookies[page.role] }));
    agreement.checks.push(...(await checkInstancesAgree(baseUrl, second.baseUrl, BENCH_ROLES.staff, figures)));
    await second.stop();
  } catch (error) {
    agreement.error = message(error);
  }
  const agreed = agreement.checks.filter((check) => check.agreed).length;
  console.log(`\nTwo instances on one database: ${agreed} of ${agreement.checks.length} checks agree${agreement.error ? `; not completed: ${agreement.error}` : ""}`);
  for (const check of agreement.checks.filter((each) => !each.agreed)) console.log(`  differs: ${check.name}: ${check.detail}`);

  const mixed: (LoadRequest & { role: BenchRole })[] = [
    { name: "national overview", role: "staff", path: "/overview", cookie: cookies.staff },
    { name: "team page", role: "colead", path: `/teams/${fixtures.teamId}`, cookie: cookies.colead },
    { name: "co-lead home", role: "colead", path: "/", cookie: cookies.colead },
    { name: "practice search", role: "staff", path: `/practices?q=${encodeURIComponent(fixtures.practiceWord)}`, cookie: cookies.staff },
  ];
  const load: BenchReport["load"] = { requests: mixed.map((request) => `${request.name} (${request.path}, ${request.role})`), runs: [] };
  if (options.skipLoad) load.skipped = "Skipped (--skip-load).";
  else {
    console.log(`\nMixed read load, ${options.durationSeconds} s per run:`);
    for (const connections of [10, 50]) {
      cleanup.assertRunning();
      const run = await runLoad(baseUrl, mixed, connections, options.durationSeconds);
      load.runs.push(run);
      await waitForQuietServer(baseUrl);
      console.log(
        `  ${String(connections).padStart(2)} connections: ${run.requestsPerSecond.toFixed(1)} requests/s, p95 ${Number.isFinite(run.p95Ms) ? `${run.p95Ms.toFixed(0)} ms` : "— (no request completed)"}, non-2xx ${run.non2xx}, errors ${run.errors}${loadVerdict(run) ? `  ${loadVerdict(run)}` : ""}`,
      );
    }
  }

  const lighthouse: BenchReport["lighthouse"] = { runs: [] };
  if (options.skipLighthouse) lighthouse.skipped = "Skipped (--skip-lighthouse).";
  else {
    console.log("\nLighthouse (performance):");
    try {
      const chrome = await launchChrome(cleanup);
      const audited: [string, string, string][] = [
        ["national overview", "/overview", cookies.staff],
        ["team page", `/teams/${fixtures.teamId}`, cookies.colead],
      ];
      for (const [name, pagePath, cookie] of audited) {
        for (const formFactor of ["mobile", "desktop"] as const) {
          cleanup.assertRunning();
          const run: LighthouseRun = await runLighthouse(chrome, `${baseUrl}${pagePath}`, name, cookie, formFactor).catch((error: unknown) => ({
            page: name,
            formFactor,
            score: null,
            metrics: { fcpMs: null, lcpMs: null, tbtMs: null, speedIndexMs: null, cls: null },
            error: message(error),
          }));
          lighthouse.runs.push(run);
          console.log(`  ${name.padEnd(18)} ${formFactor.padEnd(8)} ${run.score === null ? `no score: ${run.error}` : `${run.score}  ${lighthouseVerdict(run.score)}`}`);
        }
      }
    } catch (error) {
      lighthouse.skipped = `Lighthouse could not run: ${message(error)}`;
      console.log(`  ${lighthouse.skipped}`);
    }
  }

  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    scale: options.scale,
    database: database.label,
    baseUrl,
    samples: options.samples,
    machine: { cpus: os.cpus().length, node: process.version, loadAtStart, loadAtEnd: os.loadavg()[0]! },
    fixtures: { ...fixtures },
    cheapestSignedIn: { path: CHEAPEST_SIGNED_IN, role: "staff", p50: cheapest.p50, p95: cheapest.p95, p99: cheapest.p99 },
    pages,
    mutations,
    agreement,
    load,
    lighthouse,
  };
  cleanup.assertRunning();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const base = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, "-")}-scale${options.scale}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdownReport(report));
  console.log(`\nWrote ${path.relative(ROOT, base)}.md and .json`);
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
  if (options.help) {
    console.log(BENCH_USAGE);
    return;
  }
  const cleanup = new Cleanup();
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (code !== 0 && code !== 1) console.log("\nStopping the benchmark…");
    await cleanup.runAll();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(130));
  process.on("SIGTERM", () => void stop(143));
  try {
    await benchmark(options, cleanup);
    await stop(0);
  } catch (error) {
    // Interrupted: the signal's handler is stopping everything and exits.
    if (stopping) return;
    console.error(`\n✖ ${error instanceof BenchDatabaseError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stop(1);
  }
}

void main();
