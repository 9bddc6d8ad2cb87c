import { describe, expect, it } from "vitest";
import { markdownReport, pageLine, type BenchReport, type PageResult } from "@/lib/bench/report";

const timing = (p95: number) => ({ p50: 40, p95, p99: p95 + 10, bytes: 2048 });
const fast: PageResult = {
  name: "overview (national)",
  role: "staff",
  path: "/overview",
  timing: timing(120),
  sqlFloor: { p50: 12, p95: 14, p99: 15 },
  afterWrite: { p50: 610, p95: 700, p99: 720 },
};
const slow: PageResult = { name: "team page", role: "colead", path: "/teams/x", timing: timing(180), sqlFloor: { p50: 3, p95: 4, p99: 4 } };
const failed: PageResult = { name: "audit log", role: "admin", path: "/audit", timing: null, sqlFloor: null, error: "HTTP 403" };

describe("pageLine", () => {
  it("prints p50, p95, p99, the SQL floor, the size and the verdict against the scale's target", () => {
    expect(pageLine(fast, 1)).toMatch(/^overview \(national\)\s+40\s+120\s+130\s+12\s+2\.0 KB {2}met {2}\(after a write: p50 610, max 720\)$/);
    expect(pageLine(slow, 1)).toMatch(/not met$/);
    expect(pageLine(slow, 10)).toMatch(/ met$/);
    expect(pageLine(failed, 1)).toMatch(/^audit log\s+error: HTTP 403$/);
  });

  it("says of a full CSV export that its times are to the first byte, with the whole file's", () => {
    const download: PageResult = { ...fast, name: "export projects", timing: { ...timing(90), wholeFileMs: 14_922 }, afterWrite: undefined };
    expect(pageLine(download, 1)).toMatch(/ met {2}\(first byte; whole file 14922 ms\)$/);
  });
});

describe("markdownReport", () => {
  const report: BenchReport = {
    startedAt: "2026-12-01T07:00:00.000Z",
    scale: 1,
    database: "ubt_scale_1",
    baseUrl: "http://localhost:3840",
    samples: 30,
    machine: { cpus: 2, node: "v20", loadAtStart: 1.5, loadAtEnd: 2 },
    fixtures: {},
    cheapestSignedIn: { path: "/api/auth/session", role: "staff", p50: 5, p95: 8, p99: 9 },
    pages: [fast, slow, failed],
    mutations: { transport: "server actions", runs: [] },
    agreement: {
      instances: ["http://localhost:3840", "http://localhost:3841"],
      checks: [
        { name: "a session signed in on the first instance is signed in on the second", agreed: true, detail: "the second sees staff@example.org" },
        { name: "export overview/trend (`/api/exports/overview/trend`) is the same from both", agreed: false, detail: "first: HTTP 200; second: HTTP 500" },
      ],
    },
    load: { requests: [], runs: [{ connections: 50, durationSeconds: 20, requests: 2000, requestsPerSecond: 100, p50Ms: 300, p95Ms: 900, p99Ms: 990, non2xx: 0, errors: 0, timeouts: 0 }] },
    lighthouse: { runs: [{ page: "team page", formFactor: "mobile", score: 96, metrics: { fcpMs: 900, lcpMs: 1200, tbtMs: 10, speedIndexMs: 1000, cls: 0 } }] },
  };
  const markdown = markdownReport(report);

  it("counts the pages that met the target and marks each", () => {
    expect(markdown).toContain("every page p95 ≤ 150 ms at this scale (150 ms at N=1, 300 ms at N=10): 1 of 3 pages met");
    expect(markdown).toContain("| `/overview` (overview (national)) | staff | 40 | 120 | 130 | 12 / 14 | 610 / 720 | 2.0 KB | met |");
    expect(markdown).toContain("| `/teams/x` (team page) | colead | 40 | 180 | 190 | 3 / 4 | — | 2.0 KB | not met |");
    expect(markdown).toContain("| `/audit` (audit log): HTTP 403 | admin | — | — | — | — | — | — | not measured |");
  });

  it("says how many of the two instances' checks agree and marks the one that does not", () => {
    expect(markdown).toContain("A second production server (http://localhost:3841) on the same database and secret as http://localhost:3840, after the mutations: 1 of 2 checks agree.");
    expect(markdown).toContain("| a session signed in on the first instance is signed in on the second | yes | the second sees staff@example.org |");
    expect(markdown).toContain("| export overview/trend (`/api/exports/overview/trend`) is the same from both | **no** | first: HTTP 200; second: HTTP 500 |");
  });

  it("marks the 50-connection run and Lighthouse against their targets", () => {
    expect(markdown).toContain("| 50 | 100.0 | 300 | 900 | 990 | 0 | 0 (0) | not met |");
    expect(markdown).toContain("| team page | mobile | 96 | 900 | 1200 | 10 | 1000 | 0.000 | met |");
  });
});
