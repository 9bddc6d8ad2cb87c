import { describe, expect, it } from "vitest";
import type { RegionalTable, RegionRow } from "@/lib/data/regional-rollup";
import type { EngagementCell } from "@/lib/data/engagement";
import { engagementShare } from "@/lib/domain/engagement";
import { engagementTable, highPerformingTable } from "@/lib/reports/overview-tables";
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
  facilityPage: 1,
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

describe("engagementTable", () => {
  const cell = (region: "Alpha" | "Beta", level: number | null, teams: number, engaged: number, rosterMembers: number): EngagementCell => ({
    regionId: `${region}-id`,
    regionName: region,
    level,
    teams,
    ...engagementShare(engaged, rosterMembers),
  });

  it("shares each region's and level's summed roster members, with dashes where nobody is on a roster", () => {
    const model = engagementTable(
      [cell("Alpha", 4, 2, 1, 2), cell("Alpha", 5, 3, 9, 10), cell("Alpha", null, 1, 0, 0), cell("Beta", 4, 1, 0, 4)],
      "2026-Q4",
    );
    expect(model.columns.map((column) => column.header)).toEqual([
      "Region",
      "Level 1",
      "Level 2",
      "Level 3",
      "Level 4",
      "Level 5",
      "Not rated",
      "All teams",
      "Teams",
      "Engaged",
      "Roster members",
    ]);
    expect(model.rows.map((row) => row.cells)).toEqual([
      // 1 of 2, 9 of 10, nobody unrated on a roster; all: 10 of 12 = 83 % (not the mean of 50 % and 90 %)
      ["Alpha", null, null, null, 50, 90, null, 83, 6, 10, 12],
      ["Beta", null, null, null, 0, null, null, 0, 1, 0, 4],
    ]);
    // Level 4 across regions: 1 of 6 = 17 %; everyone: 10 of 16 = 63 % (62.5 rounded half up)
    expect(model.total).toEqual(["Total", null, null, null, 17, 90, null, 63, 7, 10, 16]);
  });
});
