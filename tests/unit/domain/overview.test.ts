import { describe, expect, it } from "vitest";
import {
  axisTicks,
  daysLeftInQuarter,
  isStuck,
  levelShares,
  percentPointChange,
  percentsSummingTo100,
  quarterTicks,
  sameLevelRun,
  scopeLabel,
  summariseLinkage,
  withCumulativeSavings,
  type LinkageLevelTotals,
  type LinkageTeam,
} from "@/lib/domain/overview";
import { quarterRange, type Quarter } from "@/lib/domain/quarter";

describe("percentPointChange", () => {
  it("is the difference in percentage points, either way", () => {
    expect(percentPointChange(75, 50)).toBe(25);
    expect(percentPointChange(50, 75)).toBe(-25);
    expect(percentPointChange(67, 50)).toBe(17);
  });

  it("is 0 for no change, and null (never 0) when either quarter has no data", () => {
    expect(percentPointChange(50, 50)).toBe(0);
    expect(percentPointChange(0, 0)).toBe(0);
    expect(percentPointChange(null, 50)).toBeNull();
    expect(percentPointChange(50, null)).toBeNull();
    expect(percentPointChange(0, null)).toBeNull();
    expect(percentPointChange(null, null)).toBeNull();
  });
});

describe("levelShares", () => {
  it("gives each count's whole-percent share of the sum", () => {
    expect(levelShares([0, 0, 1, 2, 1, 0])).toEqual([0, 0, 25, 50, 25, 0]);
    expect(levelShares([4])).toEqual([100]);
  });

  it("rounds each share half up, so shares may add to more or less than 100", () => {
    // 1/6 = 16.67 → 17 (three times), 3/6 = 50: 17 + 17 + 50 + 17 = 101
    expect(levelShares([1, 0, 1, 3, 1, 0])).toEqual([17, 0, 17, 50, 17, 0]);
    // 1/8 = 12.5 → 13, 7/8 = 87.5 → 88
    expect(levelShares([1, 7])).toEqual([13, 88]);
    // 1/3 = 33.33 → 33: 99 in all
    expect(levelShares([1, 1, 1])).toEqual([33, 33, 33]);
  });

  it("has no shares (null, not 0) when nothing was counted", () => {
    expect(levelShares([0, 0, 0, 0, 0, 0])).toEqual([null, null, null, null, null, null]);
    expect(levelShares([])).toEqual([]);
  });

  it("refuses counts that are not whole and non-negative", () => {
    expect(() => levelShares([1, -1, 2])).toThrow(RangeError);
    expect(() => levelShares([0.5, 1.5])).toThrow(RangeError);
  });
});

describe("percentsSummingTo100", () => {
  const sum = (shares: (number | null)[]) => shares.reduce<number>((total, share) => total + (share ?? 0), 0);

  it("keeps exact shares as they are", () => {
    expect(percentsSummingTo100([0, 0, 1, 2, 1])).toEqual([0, 0, 25, 50, 25]);
    expect(percentsSummingTo100([0, 0, 0, 2, 0])).toEqual([0, 0, 0, 100, 0]);
    expect(percentsSummingTo100([4])).toEqual([100]);
  });

  it("gives the points lost to rounding down to the largest remainders, so the shares add up to exactly 100", () => {
    // 1/6 = 16.67 (three times), 3/6 = 50: floors 16 + 16 + 50 + 16 = 98; the two points go to the first two sixths (equal remainders: earlier first).
    expect(percentsSummingTo100([1, 0, 1, 3, 1])).toEqual([17, 0, 17, 50, 16]);
    // Half-up rounding would give 13 + 88 = 101: 12.5 and 87.5 tie, the earlier gets the point.
    expect(percentsSummingTo100([1, 7])).toEqual([13, 87]);
    // Thirds: 33.33 each, 99 after rounding down; one point to the first.
    expect(percentsSummingTo100([1, 1, 1])).toEqual([34, 33, 33]);
    // 2/7 = 28.57, 5/7 = 71.43: 28 + 71 = 99, the point to the larger remainder (.57).
    expect(percentsSummingTo100([2, 5])).toEqual([29, 71]);
  });

  it("reproduces a Colorado-like distribution that half-up rounding tipped to 101", () => {
    // 5, 17, 46, 132, 56 of 256: half up gives 2 + 7 + 18 + 52 + 22 = 101.
    expect(levelShares([5, 17, 46, 132, 56]).reduce<number>((total, share) => total + share!, 0)).toBe(101);
    const shares = percentsSummingTo100([5, 17, 46, 132, 56]);
    expect(sum(shares)).toBe(100);
    // Each share is its exact value rounded down or up, never further off.
    [5, 17, 46, 132, 56].forEach((count, index) => expect(Math.abs(shares[index]! - (100 * count) / 256)).toBeLessThan(1));
  });

  it("adds up to 100 for every split of small counts, and never lifts a zero count", () => {
    for (let a = 0; a <= 7; a++) {
      for (let b = 0; b <= 7; b++) {
        for (let c = 0; c <= 7; c++) {
          const counts = [a, b, 0, c, 1];
          const shares = percentsSummingTo100(counts);
          expect(sum(shares), counts.join(",")).toBe(100);
          expect(shares[2]).toBe(0);
          counts.forEach((count, index) => expect(Math.abs(shares[index]! - (100 * count) / (a + b + c + 1))).toBeLessThan(1));
        }
      }
    }
  });

  it("has no shares (null, not 0) when nothing was counted", () => {
    expect(percentsSummingTo100([0, 0, 0, 0, 0])).toEqual([null, null, null, null, null]);
    expect(percentsSummingTo100([])).toEqual([]);
  });

  it("refuses counts that are not whole and non-negative", () => {
    expect(() => percentsSummingTo100([1, -1, 2])).toThrow(RangeError);
    expect(() => percentsSummingTo100([0.5, 1.5])).toThrow(RangeError);
  });
});

describe("scopeLabel", () => {
  it("is all regions for a national actor, the region itself for an actor who sees one", () => {
    expect(scopeLabel({ all: true, regionNames: ["Colorado", "Georgia"] })).toBe("All regions");
    expect(scopeLabel({ all: false, regionNames: ["Colorado"] })).toBe("Colorado");
    expect(scopeLabel({ all: false, regionNames: ["Colorado", "Georgia"] })).toBe("Your regions");
  });
});

describe("axisTicks", () => {
  const steps = (ticks: number[]) => ticks.slice(1).map((tick, index) => Number((tick - ticks[index]!).toFixed(6)));

  it("gives whole, evenly spaced ticks for counts, never fractions", () => {
    // The facility's compass chart: at most 3 projects under a point.
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    // The national compass chart: 260 is 0, 65, 130, 195, 260 when split in four; here round hundreds.
    expect(axisTicks(260)).toEqual([0, 100, 200, 300]);
    expect(axisTicks(815)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it("gives decimal ticks no finer than the figures' one decimal, so none repeats", () => {
    // The linkage chart's 0.15 and 0.25 both read 0.2 at one decimal.
    expect(axisTicks(0.3, { minStep: 0.1 })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(axisTicks(0.3000000000000001, { minStep: 0.1 })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(axisTicks(1.4, { minStep: 0.1 })).toEqual([0, 0.5, 1, 1.5]);
    expect(axisTicks(0.04, { minStep: 0.1 })).toEqual([0, 0.1]);
  });

  it("works in units of the smallest step (a dollar, in cents)", () => {
    expect(axisTicks(9411533, { minStep: 100 })).toEqual([0, 2000000, 4000000, 6000000, 8000000, 10000000]);
  });

  it("covers the largest value with at most maxTicks distinct, evenly spaced ticks", () => {
    for (const minStep of [1, 0.1, 100]) {
      for (let max = 0; max <= 5000; max += 7) {
        const value = max * minStep;
        const ticks = axisTicks(value, { minStep, maxTicks: 6 });
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(value);
        expect(ticks.length).toBeLessThanOrEqual(6);
        expect(new Set(steps(ticks)).size, `${value}`).toBe(1);
      }
    }
  });

  it("has an axis from 0 to one step when there is nothing to show", () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(0, { minStep: 0.1 })).toEqual([0, 0.1]);
  });

  it("refuses a smallest step that is not a power of ten", () => {
    expect(() => axisTicks(10, { minStep: 0.25 })).toThrow(RangeError);
    expect(() => axisTicks(10, { minStep: 0 })).toThrow(RangeError);
  });
});

describe("quarterTicks", () => {
  const quarters = quarterRange("2019-Q1", "2026-Q3"); // 31 quarters
  const gaps = (ticks: Quarter[]) => ticks.slice(1).map((tick, index) => quarters.indexOf(tick) - quarters.indexOf(ticks[index]!));

  it("labels every quarter when they fit", () => {
    expect(quarterTicks(["2021-Q1", "2021-Q2", "2021-Q3"], 5)).toEqual(["2021-Q1", "2021-Q2", "2021-Q3"]);
    expect(quarterTicks(["2021-Q2"], 1)).toEqual(["2021-Q2"]);
  });

  it("otherwise labels every 2nd, 4th or 8th quarter on calendar boundaries, evenly spaced, with no tick squeezed in at the end", () => {
    expect(quarterTicks(quarters, 16)).toEqual(["2019-Q1", "2019-Q3", "2020-Q1", "2020-Q3", "2021-Q1", "2021-Q3", "2022-Q1", "2022-Q3", "2023-Q1", "2023-Q3", "2024-Q1", "2024-Q3", "2025-Q1", "2025-Q3", "2026-Q1", "2026-Q3"]);
    expect(quarterTicks(quarters, 15)).toEqual(["2019-Q1", "2020-Q1", "2021-Q1", "2022-Q1", "2023-Q1", "2024-Q1", "2025-Q1", "2026-Q1"]);
    expect(quarterTicks(quarters, 4)).toEqual(["2020-Q1", "2022-Q1", "2024-Q1", "2026-Q1"]);
    for (let maxTicks = 1; maxTicks <= 40; maxTicks++) {
      const ticks = quarterTicks(quarters, maxTicks);
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(maxTicks);
      expect(new Set(gaps(ticks)).size, `${maxTicks}`).toBeLessThanOrEqual(1);
    }
  });

  it("has no ticks without quarters", () => {
    expect(quarterTicks([], 5)).toEqual([]);
  });
});

describe("withCumulativeSavings", () => {
  it("adds running totals of reported and validated cents, keeping each quarter's own fields", () => {
    const quarters = [
      { quarter: "2025-Q3", reportedCents: 70000, validatedCents: 70000 },
      { quarter: "2025-Q4", reportedCents: 0, validatedCents: 0 },
      { quarter: "2026-Q1", reportedCents: 37345, validatedCents: 12345 },
      { quarter: "2026-Q2", reportedCents: 350000, validatedCents: 300000 },
    ];
    expect(withCumulativeSavings(quarters)).toEqual([
      { quarter: "2025-Q3", reportedCents: 70000, validatedCents: 70000, cumulativeReportedCents: 70000, cumulativeValidatedCents: 70000 },
      { quarter: "2025-Q4", reportedCents: 0, validatedCents: 0, cumulativeReportedCents: 70000, cumulativeValidatedCents: 70000 },
      // 70000 + 37345, 70000 + 12345
      { quarter: "2026-Q1", reportedCents: 37345, validatedCents: 12345, cumulativeReportedCents: 107345, cumulativeValidatedCents: 82345 },
      // 107345 + 350000, 82345 + 300000
      { quarter: "2026-Q2", reportedCents: 350000, validatedCents: 300000, cumulativeReportedCents: 457345, cumulativeValidatedCents: 382345 },
    ]);
  });

  it("is empty for no quarters and does not change its input", () => {
    expect(withCumulativeSavings([])).toEqual([]);
    const quarters = [{ reportedCents: 1, validatedCents: 0 }];
    withCumulativeSavings(quarters);
    expect(quarters).toEqual([{ reportedCents: 1, validatedCents: 0 }]);
  });

  it("refuses amounts or totals that are not safe whole cents", () => {
    expect(() => withCumulativeSavings([{ reportedCents: 0.5, validatedCents: 0 }])).toThrow(RangeError);
    expect(() =>
      withCumulativeSavings([
        { reportedCents: Number.MAX_SAFE_INTEGER, validatedCents: 0 },
        { reportedCents: 1, validatedCents: 0 },
      ]),
    ).toThrow(RangeError);
  });
});

describe("summariseLinkage", () => {
  const team = (level: number, validatedCents: number, projects: number, cycles: number, rosterMembers = 0, engagedMembers = 0): LinkageTeam => ({
    level,
    validatedCents,
    projects,
    cycles,
    rosterMembers,
    engagedMembers,
  });
  // What getLinkage's GROUP BY level hands over (its integration test checks the SQL against teams like these).
  const summarise = (teams: readonly LinkageTeam[]) =>
    summariseLinkage(
      [...new Set(teams.map((entry) => entry.level))].map((level): LinkageLevelTotals => {
        const atLevel = teams.filter((entry) => entry.level === level);
        const total = (field: "validatedCents" | "projects" | "cycles" | "rosterMembers" | "engagedMembers") => atLevel.reduce((sum, entry) => sum + entry[field], 0);
        return {
          level,
          teams: atLevel.length,
          teamsWithSavings: atLevel.filter((entry) => entry.validatedCents > 0).length,
          validatedCents: total("validatedCents"),
          projects: total("projects"),
          cycles: total("cycles"),
          rosterMembers: total("rosterMembers"),
          engagedMembers: total("engagedMembers"),
        };
      }),
    );
  const empty = (label: string) => ({
    label,
    teams: 0,
    validatedCents: 0,
    validatedCentsPerTeam: null,
    teamsWithSavingsPercent: null,
    projectsPerTeam: null,
    cyclesPerTeam: null,
    engagementPercent: null,
  });

  it("has one group per level, then high performing, not yet, and all; empty groups have no averages", () => {
    const { byLevel, comparison } = summarise([]);
    expect(byLevel).toEqual([
      empty("1 · Pre-Team Climate"),
      empty("2 · Foundational"),
      empty("3 · Transitional"),
      empty("4 · Operational"),
      empty("5 · High Performing"),
    ]);
    expect(comparison).toEqual([empty("High performing (4–5)"), empty("Not yet high performing (1–3)"), empty("All rated teams")]);
  });

  it("sums and averages each group, rounding half up", () => {
    const teams = [
      team(1, 0, 0, 0),
      team(3, 100000, 1, 2),
      team(4, 0, 1, 1),
      team(4, 12346, 1, 0),
      team(4, 270000, 1, 0),
      team(5, 0, 1, 0),
    ];
    const { byLevel, comparison } = summarise(teams);
    expect(byLevel).toEqual([
      { label: "1 · Pre-Team Climate", teams: 1, validatedCents: 0, validatedCentsPerTeam: 0, teamsWithSavingsPercent: 0, projectsPerTeam: 0, cyclesPerTeam: 0, engagementPercent: null },
      empty("2 · Foundational"),
      { label: "3 · Transitional", teams: 1, validatedCents: 100000, validatedCentsPerTeam: 100000, teamsWithSavingsPercent: 100, projectsPerTeam: 1, cyclesPerTeam: 2, engagementPercent: null },
      // 282346 / 3 = 94115.33 → 94115; 2 of 3 with savings = 66.67 → 67; cycles 1 / 3 = 0.33 → 0.3
      { label: "4 · Operational", teams: 3, validatedCents: 282346, validatedCentsPerTeam: 94115, teamsWithSavingsPercent: 67, projectsPerTeam: 1, cyclesPerTeam: 0.3, engagementPercent: null },
      { label: "5 · High Performing", teams: 1, validatedCents: 0, validatedCentsPerTeam: 0, teamsWithSavingsPercent: 0, projectsPerTeam: 1, cyclesPerTeam: 0, engagementPercent: null },
    ]);
    expect(comparison).toEqual([
      // 282346 / 4 = 70586.5 → 70587 (half up); 2 of 4 = 50 %; cycles 1 / 4 = 0.25 → 0.3 (half up)
      { label: "High performing (4–5)", teams: 4, validatedCents: 282346, validatedCentsPerTeam: 70587, teamsWithSavingsPercent: 50, projectsPerTeam: 1, cyclesPerTeam: 0.3, engagementPercent: null },
      // 100000 / 2 = 50000; 1 of 2 = 50 %; projects 1 / 2 = 0.5; cycles 2 / 2 = 1
      { label: "Not yet high performing (1–3)", teams: 2, validatedCents: 100000, validatedCentsPerTeam: 50000, teamsWithSavingsPercent: 50, projectsPerTeam: 0.5, cyclesPerTeam: 1, engagementPercent: null },
      // 382346 / 6 = 63724.33 → 63724; 3 of 6 = 50 %; projects 5 / 6 = 0.83 → 0.8; cycles 3 / 6 = 0.5
      { label: "All rated teams", teams: 6, validatedCents: 382346, validatedCentsPerTeam: 63724, teamsWithSavingsPercent: 50, projectsPerTeam: 0.8, cyclesPerTeam: 0.5, engagementPercent: null },
    ]);
  });

  it("rounds per-team figures half up in integers, where binary fractions would round down", () => {
    // 20 teams at level 2: 3, 7 and 29 projects in all → 0.15, 0.35, 1.45 per team.
    // (Math.round(1.45 * 10) / 10 is 1.4: 1.45 * 10 = 14.499999999999998.)
    const twenty = (projects: number, cycles: number, validatedCents: number) =>
      Array.from({ length: 20 }, (_, index) => team(2, index === 0 ? validatedCents : 0, index === 0 ? projects : 0, index === 0 ? cycles : 0));
    expect(summarise(twenty(3, 7, 10)).byLevel[1]).toMatchObject({ projectsPerTeam: 0.2, cyclesPerTeam: 0.4, validatedCentsPerTeam: 1 }); // 10 / 20 = 0.5 → 1
    expect(summarise(twenty(29, 1, 9)).byLevel[1]).toMatchObject({ projectsPerTeam: 1.5, cyclesPerTeam: 0.1, validatedCentsPerTeam: 0 }); // 1 / 20 = 0.05 → 0.1; 9 / 20 = 0.45 → 0
    // One team in 8 with savings: 12.5 % → 13.
    const eight = Array.from({ length: 8 }, (_, index) => team(3, index === 0 ? 5 : 0, 0, 0));
    expect(summarise(eight).byLevel[2]).toMatchObject({ teams: 8, validatedCents: 5, validatedCentsPerTeam: 1, teamsWithSavingsPercent: 13 }); // 5 / 8 = 0.625 → 1
  });

  it("shares engagement as engaged roster members out of all roster members of the group, not as a mean of team shares", () => {
    // Level 4: 1 of 2 and 9 of 10 → 10 of 12 = 83 % (the mean of 50 % and 90 % would be 70 %); a team without a roster adds nothing.
    const { byLevel, comparison } = summarise([team(4, 0, 0, 0, 2, 1), team(4, 0, 0, 0, 10, 9), team(4, 0, 0, 0), team(2, 0, 0, 0, 4, 0)]);
    expect(byLevel.map((group) => group.engagementPercent)).toEqual([null, 0, null, 83, null]);
    expect(comparison.map((group) => group.engagementPercent)).toEqual([83, 0, 63]); // 10 of 16 = 62.5 → 63
  });

  it("puts level 4 with the high performers and level 3 with the rest", () => {
    const { comparison } = summarise([team(3, 0, 0, 0), team(4, 0, 0, 0)]);
    expect(comparison.map((group) => group.teams)).toEqual([1, 1, 2]);
  });
});

describe("sameLevelRun", () => {
  it("counts the quarters, newest first, at the latest level", () => {
    expect(sameLevelRun([3, 3, 3, 3, 3, 2])).toEqual({ level: 3, quarters: 5 });
    expect(sameLevelRun([4, 3, 3])).toEqual({ level: 4, quarters: 1 });
    expect(sameLevelRun([5, 5, 5, 5])).toEqual({ level: 5, quarters: 4 });
    expect(sameLevelRun([2])).toEqual({ level: 2, quarters: 1 });
  });

  it("is broken by a quarter without a final rating", () => {
    expect(sameLevelRun([3, 3, null, 3, 3])).toEqual({ level: 3, quarters: 2 });
  });

  it("is null without a final rating in the latest quarter, or without quarters", () => {
    expect(sameLevelRun([null, 3, 3, 3, 3])).toBeNull();
    expect(sameLevelRun([])).toBeNull();
  });
});

describe("isStuck", () => {
  it("is four or more quarters at one level below 5", () => {
    expect(isStuck({ level: 3, quarters: 4 })).toBe(true);
    expect(isStuck({ level: 3, quarters: 5 })).toBe(true);
    expect(isStuck({ level: 4, quarters: 4 })).toBe(true);
    expect(isStuck({ level: 1, quarters: 12 })).toBe(true);
    expect(isStuck({ level: 3, quarters: 3 })).toBe(false);
  });

  it("is never staying at level 5, nor having no run", () => {
    expect(isStuck({ level: 5, quarters: 4 })).toBe(false);
    expect(isStuck({ level: 5, quarters: 12 })).toBe(false);
    expect(isStuck(null)).toBe(false);
  });
});

describe("daysLeftInQuarter", () => {
  it("counts today and the quarter's last day", () => {
    // 10 August to 30 September: 22 days of August (10–31) + 30 of September = 52.
    expect(daysLeftInQuarter(new Date("2026-08-10T12:00:00Z"))).toEqual({ quarter: "2026-Q3", days: 52, near: false });
    // 20 to 30 September: 11.
    expect(daysLeftInQuarter(new Date("2026-09-20T12:00:00Z"))).toEqual({ quarter: "2026-Q3", days: 11, near: true });
    expect(daysLeftInQuarter(new Date("2026-09-30T23:59:59Z"))).toEqual({ quarter: "2026-Q3", days: 1, near: true });
    // The first day: 31 + 31 + 30 = 92.
    expect(daysLeftInQuarter(new Date("2026-07-01T00:00:00Z"))).toEqual({ quarter: "2026-Q3", days: 92, near: false });
  });

  it("is near from 45 days left", () => {
    // 17 August: 15 days of August + 30 = 45; 16 August: 46.
    expect(daysLeftInQuarter(new Date("2026-08-17T00:00:00Z"))).toEqual({ quarter: "2026-Q3", days: 45, near: true });
    expect(daysLeftInQuarter(new Date("2026-08-16T23:59:59Z"))).toEqual({ quarter: "2026-Q3", days: 46, near: false });
  });

  it("goes by the UTC calendar date, leap days included", () => {
    // 29 February 2024 and 31 March: 1 + 31 = 32.
    expect(daysLeftInQuarter(new Date("2024-02-29T08:00:00Z"))).toEqual({ quarter: "2024-Q1", days: 32, near: true });
    // 23:30 on 30 September in Denver is 1 October UTC: a new quarter of 31 + 30 + 31 = 92 days.
    expect(daysLeftInQuarter(new Date("2026-09-30T23:30:00-06:00"))).toEqual({ quarter: "2026-Q4", days: 92, near: false });
  });
});
