import type { AgreementRun } from "./agreement";
import type { LighthouseRun } from "./lighthouse";
import type { LoadRun } from "./load";
import { AFTER_WRITE_SAMPLES } from "./measure";
import type { MutationTiming } from "./mutations";
import { LIGHTHOUSE_TARGET, lighthouseVerdict, loadVerdict, pageP95TargetMs, pageVerdict, THROUGHPUT_TARGET, type Percentiles, type Verdict } from "./stats";

export type PageResult = {
  name: string;
  role: string;
  path: string;
  /** Null when the page could not be measured (`error` says why). */
  /** For a full CSV export, the percentiles are of the first byte, and `wholeFileMs` the whole file's median. */
  timing: (Percentiles & { bytes: number; wholeFileMs?: number }) | null;
  sqlFloor: Percentiles | null;
  /** Pages (not downloads) timed again each just after a write anywhere (measureAfterWrite). */
  afterWrite?: Percentiles;
  error?: string;
};

/** Everything one run measured, as written to the JSON file. */
export type BenchReport = {
  startedAt: string;
  scale: number;
  database: string;
  baseUrl: string;
  samples: number;
  /** The machine's 1-minute load average when the run began and ended: other work on it slows every figure. */
  machine: { cpus: number; node: string; loadAtStart: number; loadAtEnd: number };
  fixtures: Record<string, string>;
  /** The app's cheapest signed-in response, measured once for the run. */
  cheapestSignedIn: { path: string; role: string } & Percentiles;
  pages: PageResult[];
  mutations: { transport: string; runs: MutationTiming[]; error?: string };
  /** Two instances on the one database checked against each other (item 5: they keep no state of their own). */
  agreement: AgreementRun;
  load: { requests: string[]; runs: LoadRun[]; skipped?: string };
  lighthouse: { runs: LighthouseRun[]; skipped?: string };
};

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : "—");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function pageVerdictOf(page: PageResult, scale: number): Verdict | "not measured" {
  return page.timing ? pageVerdict(page.timing.p95, scale) : "not measured";
}

/** The console line of a page: `page  p50  p95  p99  sql-floor  bytes`, fixed columns. */
export function pageLine(page: PageResult, scale: number): string {
  const name = page.name.padEnd(34);
  if (!page.timing) return `${name} ${`error: ${page.error ?? "not measured"}`}`;
  const { p50, p95, p99, bytes } = page.timing;
  const floor = page.sqlFloor ? ms(page.sqlFloor.p50) : "—";
  const whole = page.timing.wholeFileMs === undefined ? "" : `  (first byte; whole file ${ms(page.timing.wholeFileMs)} ms)`;
  const afterWrite = page.afterWrite ? `  (after a write: p50 ${ms(page.afterWrite.p50)}, max ${ms(page.afterWrite.p99)})` : "";
  return `${name} ${ms(p50).padStart(6)} ${ms(p95).padStart(6)} ${ms(p99).padStart(6)} ${floor.padStart(9)} ${kb(bytes).padStart(11)}  ${pageVerdictOf(page, scale)}${whole}${afterWrite}`;
}

export function pageHeader(): string {
  return `${"page".padEnd(34)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)} ${"sql-floor".padStart(9)} ${"bytes".padStart(11)}  p95 target`;
}

/** A Markdown table; a column of figures (every cell a number or "—") is right-aligned. */
function table(headers: string[], rows: string[][]): string {
  const align = headers.map((_, column) => (rows.length > 0 && rows.every((row) => /^(—|[\d.,]+)/.test(row[column] ?? "")) ? "--:" : "---"));
  return [headers, align, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

export function markdownReport(report: BenchReport): string {
  const target = pageP95TargetMs(report.scale);
  const pages = report.pages.map((page) => [
    page.timing
      ? `\`${page.path}\` (${page.name})${page.timing.wholeFileMs === undefined ? "" : `: first byte; whole file ${ms(page.timing.wholeFileMs)} ms`}`
      : `\`${page.path}\` (${page.name}): ${page.error ?? "not measured"}`,
    page.role,
    page.timing ? ms(page.timing.p50) : "—",
    page.timing ? ms(page.timing.p95) : "—",
    page.timing ? ms(page.timing.p99) : "—",
    page.sqlFloor ? `${ms(page.sqlFloor.p50)} / ${ms(page.sqlFloor.p95)}` : "—",
    page.afterWrite ? `${ms(page.afterWrite.p50)} / ${ms(page.afterWrite.p99)}` : "—",
    page.timing ? kb(page.timing.bytes) : "—",
    pageVerdictOf(page, report.scale),
  ]);
  const met = report.pages.filter((page) => pageVerdictOf(page, report.scale) === "met").length;
  const cheapest = report.cheapestSignedIn;
  const lines = [
    `# Benchmark at scale ${report.scale}: ${report.startedAt}`,
    "",
    `Database ${report.database}; production build at ${report.baseUrl}; ${report.samples} timed samples per page after warm-up;`,
    `${report.machine.cpus} CPUs, Node ${report.machine.node}, load average ${report.machine.loadAtStart.toFixed(1)} at the start and ${report.machine.loadAtEnd.toFixed(1)} at the end. Times in ms, nearest-rank percentiles.`,
    "",
    "## Targets (issue 13)",
    "",
    `- every page p95 ≤ ${target} ms at this scale (150 ms at N=1, 300 ms at N=10): ${met} of ${report.pages.length} pages met`,
    `- mixed read load with ${THROUGHPUT_TARGET.connections} connections: ≥ ${THROUGHPUT_TARGET.requestsPerSecond} requests/s, p95 ≤ ${THROUGHPUT_TARGET.p95Ms} ms, no errors`,
    `- Lighthouse ≥ ${LIGHTHOUSE_TARGET} on the overview and the team page`,
    "",
    "## Pages",
    "",
    `Floors: the page's main figures in raw SQL (p50 / p95, same samples, \`pg\` driver, as the app's role), and the app's cheapest signed-in response, \`GET ${cheapest.path}\` as ${cheapest.role}: p50 ${ms(cheapest.p50)}, p95 ${ms(cheapest.p95)}, p99 ${ms(cheapest.p99)}.`,
    "",
    `After a write: ${AFTER_WRITE_SAMPLES} more requests, each just after the figures' version moves (as after a write anywhere), so no kept roll-up can be used (p50 / max).`,
    "",
    table(["page", "role", "p50", "p95", "p99", "SQL floor p50 / p95", "after a write p50 / max", "bytes", `p95 ≤ ${target} ms`], pages),
    "",
    "## Mutations",
    "",
    `Transport: ${report.mutations.transport}.${report.mutations.error ? ` Not completed: ${report.mutations.error}` : ""} The issue sets no target for them.`,
    "",
    table(
      ["mutation", "role", "p50", "p95", "p99", "what"],
      report.mutations.runs.map((run) => [run.name, run.role, ms(run.p50), ms(run.p95), ms(run.p99), run.detail]),
    ),
    "",
    "## Two instances on one database",
    "",
    `A second production server (${report.agreement.instances.slice(1).join(", ") || "not started"}) on the same database and secret as ${report.agreement.instances[0]}, after the mutations: ${report.agreement.checks.filter((check) => check.agreed).length} of ${report.agreement.checks.length} checks agree.${report.agreement.error ? ` Not completed: ${report.agreement.error}` : ""}`,
    "",
    table(
      ["check", "agreed", "what was seen"],
      report.agreement.checks.map((check) => [check.name, check.agreed ? "yes" : "**no**", check.detail]),
    ),
    "",
    "## Mixed read load (autocannon)",
    "",
    report.load.skipped ?? `Requests, in turn: ${report.load.requests.join(", ")}.`,
    "",
    ...(report.load.runs.length
      ? [
          table(
            ["connections", "requests/s (2xx)", "p50", "p95", "p99", "non-2xx", "errors (timeouts)", "target"],
            report.load.runs.map((run) => [
              String(run.connections),
              run.requestsPerSecond.toFixed(1),
              ms(run.p50Ms),
              ms(run.p95Ms),
              ms(run.p99Ms),
              String(run.non2xx),
              `${run.errors} (${run.timeouts})`,
              loadVerdict(run) ?? "—",
            ]),
          ),
        ]
      : []),
    "",
    "## Lighthouse (performance)",
    "",
    report.lighthouse.skipped ?? "",
    "",
    ...(report.lighthouse.runs.length
      ? [
          table(
            ["page", "form factor", "score", "FCP", "LCP", "TBT", "Speed Index", "CLS", `≥ ${LIGHTHOUSE_TARGET}`],
            report.lighthouse.runs.map((run) => [
              run.page,
              run.formFactor,
              run.score === null ? `— (${run.error ?? "no score"})` : String(run.score),
              ms(run.metrics.fcpMs ?? Number.NaN),
              ms(run.metrics.lcpMs ?? Number.NaN),
              ms(run.metrics.tbtMs ?? Number.NaN),
              ms(run.metrics.speedIndexMs ?? Number.NaN),
              run.metrics.cls === null ? "—" : run.metrics.cls.toFixed(3),
              run.score === null ? "not measured" : lighthouseVerdict(run.score),
            ]),
          ),
        ]
      : []),
    "",
    "## Notes",
    "",
    "- SQL floors are representative queries written for the benchmark (lib/bench/pages.ts) that compute each page's main figures the direct way; they are not the app's own queries. A page with no figures of its own (a redirect) has none.",
    "- The mutations write to the benchmarked database: rating versions and sign-offs, project versions (the aim is left as found), one reported savings entry of $123.45 per run, and their audit entries.",
    "- Load requests still unanswered after 10 s count as errors (timeouts); requests in flight when a run ends are not counted.",
    "",
  ];
  return lines.join("\n");
}
