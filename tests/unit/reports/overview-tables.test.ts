import { describe, expect, it } from "vitest";
import type { RegionalTable, RegionRow } from "@/lib/data/regional-rollup";
import { highPerformingTable } from "@/lib/reports/overview-tables";
import type { OverviewView } from "@/lib/reports/overview-view";

// 2026-Q4 runs from 1 October to 31 December 2026.
const IN_Q4 = new Date("2026-11-30T12:00:00Z");
const AFTER_Q4 = new Date("2027-01-02T12:00:00Z");

const NO_DISTRIBUTION = { levels: [0, 0, 0, 0, 0] as const, rated: 0, shares: [], barShares: [] };

function row(name: string, teams: number, rated: number, highPerforming: number, percent: number | null): RegionRow {
  return {
    id: `${name}-id`,
    name,
    slug: name.toLowerCase(),
    membersServed: 1000,
    teams,
    rated,
    highPerforming,
    percent,
    previousRated: 0,
    previousPercent: null,
    change: null,
    distribution: NO_DISTRIBUTION,
  };
}

// Alpha: 10 teams due, 4 rated so far (3 high performing); Beta: 5 due, none rated yet.
const TABLE: RegionalTable = {
  quarter: "2026-Q4",
  previousQuarter: "2026-Q3",
  groupedBy: "region",
  rows: [row("Alpha", 10, 4, 3, 75), row("Beta", 5, 0, 0, null)],
  total: { teams: 15, rated: 4, highPerforming: 3, percent: 75, previousRated: 0, previousPercent: null, change: null, distribution: NO_DISTRIBUTION },
};

const VIEW: OverviewView = {
  quarter: "2026-Q4",
  ratedQuarters: ["2026-Q4"],
  since: "2026-Q1",
  region: null,
  facility: null,
  compassPoint: null,
  filters: { regionId: null, facilityId: null, compassPoint: null },
  notices: [],
  home: { label: "All regions", region: null },
};

describe("highPerformingTable", () => {
  it("in an open quarter, shows the teams due beside the teams rated so far, not a 'UBTs' count of rated teams only", () => {
    const table = highPerformingTable(TABLE, VIEW, IN_Q4);
    expect(table.columns.map((column) => column.header)).toEqual([
      "Region",
      "Members served",
      "Teams due",
      "Rated so far",
      "High performing",
      "Percent",
      "Percent 2026-Q3",
      "Change",
    ]);
    expect(table.rows.map((line) => line.cells)).toEqual([
      ["Alpha", 1000, 10, 4, 3, 75, null, null],
      // Nobody rated yet: 0 rated is a count (0 of 5 due); high performing has no data yet.
      ["Beta", 1000, 5, 0, null, null, null, null],
    ]);
    expect(table.total).toEqual(["Total", null, 15, 4, 3, 75, null, null]);
  });

  it("once the quarter has closed, keeps the published table: UBTs are the rated teams", () => {
    const table = highPerformingTable(TABLE, VIEW, AFTER_Q4);
    expect(table.columns.map((column) => column.header)).toEqual(["Region", "Members served", "UBTs", "High performing", "Percent", "Percent 2026-Q3", "Change"]);
    expect(table.rows.map((line) => line.cells)).toEqual([
      ["Alpha", 1000, 4, 3, 75, null, null],
      ["Beta", 1000, null, null, null, null, null],
    ]);
    expect(table.total).toEqual(["Total", null, 4, 3, 75, null, null]);
  });

  it("links each region to its facilities, keeping the view's quarter", () => {
    expect(highPerformingTable(TABLE, VIEW, IN_Q4).rows.map((line) => line.href)).toEqual([
      "/overview?quarter=2026-Q4&region=alpha&since=2026-Q1",
      "/overview?quarter=2026-Q4&region=beta&since=2026-Q1",
    ]);
  });
});
