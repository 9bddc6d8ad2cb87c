import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getTeamsNeedingAttention } from "@/lib/data/attention";
import { getMovementByRegion } from "@/lib/data/movement";
import {
  getFacilityOrThrow,
  getFacilityTeams,
  getLinkage,
  getLinkageTeams,
  getProjectsByCompassPoint,
  getSavingsBreakdown,
  getSavingsTimeline,
  getTopPractices,
  type OverviewFilters,
} from "@/lib/data/overview";
import { closedQuarterPoints, getHighPerformingTrend, getRatedQuarters, getRegionalTable, NATIONAL, trendRowsByQuarter, type TrendPoint } from "@/lib/data/regional-rollup";
import { getSponsorPortfolio } from "@/lib/data/sponsor-portfolio";
import { prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Quarter } from "@/lib/domain/quarter";
import type { CompassPoint } from "@/lib/generated/prisma/enums";
import { loadOverviewFixture, overviewActors, type OverviewFixture } from "@/tests/support/overview-fixture";

// The world is drawn in tests/support/overview-fixture.ts; every number below is
// worked out by hand from the tables there.

/** 2026-Q3, with 52 days left (10 August to 30 September, both counted): not yet near the end. */
const NOW = new Date("2026-08-10T12:00:00Z");
/** 2026-Q3 with 11 days left: inside the last 45 days. */
const NEAR_END = new Date("2026-09-20T12:00:00Z");
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

let fx: OverviewFixture;
let actors: ReturnType<typeof overviewActors>;

beforeAll(async () => {
  fx = await loadOverviewFixture();
  actors = overviewActors(fx);
}, 180_000);

const filters = (place: Partial<OverviewFilters> = {}): OverviewFilters => ({ regionId: null, facilityId: null, compassPoint: null, ...place });
const compass = (compassPoint: CompassPoint) => filters({ compassPoint });

type Distribution = { levels: number[]; rated: number; shares: (number | null)[]; barShares: (number | null)[] };
const NO_RATINGS: Distribution = { levels: [0, 0, 0, 0, 0], rated: 0, shares: [null, null, null, null, null], barShares: [null, null, null, null, null] };
const EMPTY_ROW = { teams: 0, rated: 0, highPerforming: 0, percent: null, previousRated: 0, previousPercent: null, change: null, distribution: NO_RATINGS };

// ───────────────────────────── high-performing table ─────────────────────────────

describe("getRegionalTable", () => {
  // 2026-Q2 final quarterly levels (2026-Q1 in brackets):
  // Alpha A1 3 (3), A2 5 (5), A3 4 (5), A4 4 (3); A5 inactive and unrated.
  // Beta B1 4 (4), B3 1 (—, chartered 2026-Q2), B2 — (2: its AWAITING_SIGNOFF 3 and FINAL self-assessment 4 do not count).
  // Gamma G1 chartered 2026-Q2, never rated.
  const alphaRow = () => ({
    id: fx.regions.alpha,
    name: "Alpha",
    slug: "alpha",
    membersServed: 1000,
    teams: 4, // A1–A4; A5 is inactive
    rated: 4,
    highPerforming: 3, // A2 5, A3 4, A4 4
    percent: 75, // 3/4
    previousRated: 4,
    previousPercent: 50, // A2 5, A3 5 of 4
    change: 25, // 75 − 50
    distribution: { levels: [0, 0, 1, 2, 1], rated: 4, shares: [0, 0, 25, 50, 25], barShares: [0, 0, 25, 50, 25] },
  });
  const alphaTotal = () => {
    const { id, name, slug, membersServed, ...total } = alphaRow();
    return total;
  };

  it("has every region nationally, with counts, percents, change and distribution; the total is of the summed counts", async () => {
    const table = await getRegionalTable(actors.staff, "2026-Q2");
    expect(table).toEqual({
      quarter: "2026-Q2",
      previousQuarter: "2026-Q1",
      groupedBy: "region",
      rows: [
        alphaRow(),
        {
          id: fx.regions.beta,
          name: "Beta",
          slug: "beta",
          membersServed: 500,
          teams: 3, // B1, B2, B3 (chartered 2026-Q2)
          rated: 2, // B1 4, B3 1; B2's non-final rating and self-assessment are not counted
          highPerforming: 1,
          percent: 50,
          previousRated: 2, // B1 4, B2 2
          previousPercent: 50,
          change: 0, // no change is 0, not null
          distribution: { levels: [1, 0, 0, 1, 0], rated: 2, shares: [50, 0, 0, 50, 0], barShares: [50, 0, 0, 50, 0] },
        },
        // A region without ratings: rated 0, percent null (never 0).
        { id: fx.regions.gamma, name: "Gamma", slug: "gamma", membersServed: null, ...EMPTY_ROW, teams: 1 },
      ],
      total: {
        teams: 8, // 4 + 3 + 1
        rated: 6, // 4 + 2
        highPerforming: 4, // 3 + 1
        percent: 67, // 4/6 = 66.67 (not the mean of 75 and 50)
        previousRated: 6,
        previousPercent: 50, // (2 + 1)/6
        change: 17, // 67 − 50
        // [0,0,1,2,1] + [1,0,0,1,0]; 1/6 = 16.67 → 17, 3/6 = 50: 101 in all.
        // The bar's shares add up to 100: 16 + 16 + 50 + 16 = 98 rounded down, the two points to the earlier sixths.
        distribution: { levels: [1, 0, 1, 3, 1], rated: 6, shares: [17, 0, 17, 50, 17], barShares: [17, 0, 17, 50, 16] },
      },
    });
  });

  it("counts a team from the quarter it is chartered in", async () => {
    const table = await getRegionalTable(actors.staff, "2026-Q1");
    // B3 and G1 are chartered in 2026-Q2; 2025-Q4 had A1 3, A2 5, A3 5, A4 2 and B1 4, B2 2.
    expect(table.rows.map(({ name, teams, rated, percent, previousRated, change }) => ({ name, teams, rated, percent, previousRated, change }))).toEqual([
      { name: "Alpha", teams: 4, rated: 4, percent: 50, previousRated: 4, change: 0 },
      { name: "Beta", teams: 2, rated: 2, percent: 50, previousRated: 2, change: 0 },
      { name: "Gamma", teams: 0, rated: 0, percent: null, previousRated: 0, change: null },
    ]);
  });

  it("has every facility of a chosen region, those without teams included", async () => {
    const table = await getRegionalTable(actors.staff, "2026-Q2", { regionId: fx.regions.alpha });
    expect(table).toEqual({
      quarter: "2026-Q2",
      previousQuarter: "2026-Q1",
      groupedBy: "facility",
      rows: [
        { id: fx.facilities.alphaEast, name: "Alpha East", slug: null, membersServed: null, ...EMPTY_ROW },
        {
          id: fx.facilities.alphaNorth,
          name: "Alpha North",
          slug: null,
          membersServed: null,
          teams: 2, // A1, A2
          rated: 2,
          highPerforming: 1, // A2 5
          percent: 50,
          previousRated: 2,
          previousPercent: 50, // A1 3, A2 5
          change: 0,
          distribution: { levels: [0, 0, 1, 0, 1], rated: 2, shares: [0, 0, 50, 0, 50], barShares: [0, 0, 50, 0, 50] },
        },
        {
          id: fx.facilities.alphaSouth,
          name: "Alpha South",
          slug: null,
          membersServed: null,
          teams: 2, // A3, A4 (A5 inactive)
          rated: 2,
          highPerforming: 2, // A3 4, A4 4
          percent: 100,
          previousRated: 2,
          previousPercent: 50, // A3 5, A4 3
          change: 50,
          distribution: { levels: [0, 0, 0, 2, 0], rated: 2, shares: [0, 0, 0, 100, 0], barShares: [0, 0, 0, 100, 0] },
        },
      ],
      total: alphaTotal(),
    });
  });

  it("has only the chosen facility when one is chosen", async () => {
    const table = await getRegionalTable(actors.staff, "2026-Q2", { regionId: fx.regions.alpha, facilityId: fx.facilities.alphaSouth });
    const southCounts = {
      teams: 2,
      rated: 2,
      highPerforming: 2,
      percent: 100,
      previousRated: 2,
      previousPercent: 50,
      change: 50,
      distribution: { levels: [0, 0, 0, 2, 0], rated: 2, shares: [0, 0, 0, 100, 0], barShares: [0, 0, 0, 100, 0] },
    };
    expect(table.groupedBy).toBe("facility");
    expect(table.rows).toEqual([{ id: fx.facilities.alphaSouth, name: "Alpha South", slug: null, membersServed: null, ...southCounts }]);
    expect(table.total).toEqual(southCounts);
  });

  it("shows a new region's facility with its team unrated", async () => {
    const table = await getRegionalTable(actors.staff, "2026-Q2", { regionId: fx.regions.gamma });
    expect(table.rows).toEqual([{ id: fx.facilities.gammaClinic, name: "Gamma Clinic", slug: null, membersServed: null, ...EMPTY_ROW, teams: 1 }]);
    expect(table.total).toEqual({ ...EMPTY_ROW, teams: 1 });
  });

  it("shows a consultant their own region only, and nothing of another region's facilities", async () => {
    const table = await getRegionalTable(actors.alphaConsultant, "2026-Q2");
    expect(table.rows).toEqual([alphaRow()]);
    expect(table.total).toEqual(alphaTotal());
    const beta = await getRegionalTable(actors.alphaConsultant, "2026-Q2", { regionId: fx.regions.beta });
    expect(beta.rows).toEqual([]);
    expect(beta.total).toEqual(EMPTY_ROW);
  });

  it("has no final rating below level 1 to count: the database refuses a final rating without a level", async () => {
    await expect(
      prisma.rating.create({ data: { teamId: fx.teams.G1, quarter: "2026-Q3", kind: "QUARTERLY", status: "FINAL", level: null, criteriaSetId: fx.criteriaSetId } }),
    ).rejects.toThrow(/Rating_final_has_level/);
  });
});

// ───────────────────────────── trend and rated quarters ─────────────────────────────

describe("getHighPerformingTrend", () => {
  const REGION_ORDER = () => [fx.regions.alpha, fx.regions.beta, fx.regions.gamma];
  // Points within a quarter come in no defined order: compare them sorted by region.
  const sorted = (points: TrendPoint[]) =>
    [...points].sort((a, b) => a.quarter.localeCompare(b.quarter) || REGION_ORDER().indexOf(a.regionId) - REGION_ORDER().indexOf(b.regionId));
  const alpha = (quarter: Quarter, rated: number, highPerforming: number, percent: number) => ({ quarter, regionId: fx.regions.alpha, rated, highPerforming, percent });
  const beta = (quarter: Quarter, rated: number, highPerforming: number, percent: number) => ({ quarter, regionId: fx.regions.beta, rated, highPerforming, percent });
  const ALPHA = () => [
    alpha("2025-Q1", 4, 2, 50), // A1 2, A2 5, A3 5, A5 2 (inactive now, rated then)
    alpha("2025-Q2", 3, 2, 67), // A1 3, A2 5, A3 5: 2/3 = 66.67
    alpha("2025-Q3", 4, 2, 50), // + A4 1
    alpha("2025-Q4", 4, 2, 50), // A4 2
    alpha("2026-Q1", 4, 2, 50), // A4 3
    alpha("2026-Q2", 4, 3, 75), // A3 4, A4 4
    alpha("2026-Q3", 1, 0, 0), // A1 3 (A2's draft does not count)
  ];
  const BETA = () => [
    beta("2024-Q4", 1, 0, 0), // B1 3
    beta("2025-Q1", 1, 0, 0),
    beta("2025-Q2", 1, 0, 0),
    beta("2025-Q3", 1, 1, 100), // B1 4
    beta("2025-Q4", 2, 1, 50), // + B2 2
    beta("2026-Q1", 2, 1, 50),
    beta("2026-Q2", 2, 1, 50), // B1 4, B3 1 (B2 awaiting sign-off)
  ];

  it("has each region's share per quarter with final ratings, oldest first; Gamma has none", async () => {
    const trend = await getHighPerformingTrend(actors.staff);
    expect(trend.map((point) => point.quarter)).toEqual([...trend.map((point) => point.quarter)].sort());
    expect(sorted(trend)).toEqual(sorted([...ALPHA(), ...BETA()]));
  });

  it("keeps only closed quarters for the chart: on 2026-08-10 (2026-Q3 open) Alpha's 2026-Q3 point drops out", async () => {
    const closed = closedQuarterPoints(await getHighPerformingTrend(actors.alphaConsultant), NOW);
    expect(sorted(closed)).toEqual(ALPHA().slice(0, -1));
  });

  it("narrows to a chosen facility: only its teams count", async () => {
    // Alpha South: A3 (5, 5, 5, 5, 5, 4) and A4 (from 2025-Q3: 1, 2, 3, 4); A5 (2 in 2025-Q1) was rated there too, then.
    expect(sorted(await getHighPerformingTrend(actors.staff, { regionId: fx.regions.alpha, facilityId: fx.facilities.alphaSouth }))).toEqual([
      alpha("2025-Q1", 2, 1, 50), // A3 5, A5 2
      alpha("2025-Q2", 1, 1, 100), // A3 5
      alpha("2025-Q3", 2, 1, 50), // A3 5, A4 1
      alpha("2025-Q4", 2, 1, 50), // A4 2
      alpha("2026-Q1", 2, 1, 50), // A4 3
      alpha("2026-Q2", 2, 2, 100), // A3 4, A4 4
    ]);
    // Alpha North: A1 (2, 3, 3, 3, 3, 3, 3) and A2 (5 six times; its 2026-Q3 draft does not count).
    expect(sorted(await getHighPerformingTrend(actors.alphaConsultant, { regionId: fx.regions.alpha, facilityId: fx.facilities.alphaNorth }))).toEqual([
      alpha("2025-Q1", 2, 1, 50),
      alpha("2025-Q2", 2, 1, 50),
      alpha("2025-Q3", 2, 1, 50),
      alpha("2025-Q4", 2, 1, 50),
      alpha("2026-Q1", 2, 1, 50),
      alpha("2026-Q2", 2, 1, 50),
      alpha("2026-Q3", 1, 0, 0),
    ]);
    // A facility without teams, and another region's facility for a consultant: nothing.
    expect(await getHighPerformingTrend(actors.staff, { regionId: fx.regions.alpha, facilityId: fx.facilities.alphaEast })).toEqual([]);
    expect(await getHighPerformingTrend(actors.alphaConsultant, { regionId: fx.regions.beta, facilityId: fx.facilities.betaCentral })).toEqual([]);
  });

  it("lays the trend out quarter by quarter for the chart, a quarter without any final rating as a row of gaps", async () => {
    // Beta from 2024-Q4, Alpha from 2025-Q1: one row per quarter, Alpha's first a gap.
    const rows = trendRowsByQuarter(closedQuarterPoints(await getHighPerformingTrend(actors.staff), NOW));
    expect(rows.map((row) => row.quarter)).toEqual(["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(rows[0]).toEqual({ quarter: "2024-Q4", [fx.regions.beta]: 0 });
    expect(rows.at(-1)).toEqual({ quarter: "2026-Q2", [fx.regions.alpha]: 75, [fx.regions.beta]: 50 });
    // Points in 2025-Q1 and 2025-Q4 only: 2025-Q2 and 2025-Q3 are still on the time axis, empty.
    const point = (quarter: Quarter, regionId: string, percent: number) => ({ quarter, regionId, rated: 2, highPerforming: percent / 50, percent });
    expect(trendRowsByQuarter([point("2025-Q1", "r1", 50), point("2025-Q1", "r2", 100), point("2025-Q4", "r1", 0)])).toEqual([
      { quarter: "2025-Q1", r1: 50, r2: 100 },
      { quarter: "2025-Q2" },
      { quarter: "2025-Q3" },
      { quarter: "2025-Q4", r1: 0 },
    ]);
    expect(trendRowsByQuarter([])).toEqual([]);
  });

  it("narrows to a chosen region, and to a consultant's own", async () => {
    expect(sorted(await getHighPerformingTrend(actors.staff, { regionId: fx.regions.beta }))).toEqual(BETA());
    expect(sorted(await getHighPerformingTrend(actors.alphaConsultant))).toEqual(ALPHA());
    expect(await getHighPerformingTrend(actors.alphaConsultant, { regionId: fx.regions.beta })).toEqual([]);
    expect(await getHighPerformingTrend(actors.gammaConsultant)).toEqual([]);
  });
});

describe("getRatedQuarters", () => {
  it("lists the quarters with final quarterly ratings in scope, newest first", async () => {
    const alphaQuarters = ["2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1"];
    expect(await getRatedQuarters(actors.staff)).toEqual([...alphaQuarters, "2024-Q4"]); // 2024-Q4: B1 only
    expect(await getRatedQuarters(actors.alphaConsultant)).toEqual(alphaQuarters);
    expect(await getRatedQuarters(actors.gammaConsultant)).toEqual([]);
  });
});

// ───────────────────────────── movement ─────────────────────────────

describe("getMovementByRegion", () => {
  const none = { count: 0, percent: null };
  const alpha = () => ({
    id: fx.regions.alpha,
    slug: "alpha",
    name: "Alpha",
    // A1 3→3, A2 5→5 same; A3 5→4 down; A4 3→4 up: shares of 4
    figures: { ratedPrevious: 4, ratedCurrent: 4, ratedBoth: 4, up: { count: 1, percent: 25 }, same: { count: 2, percent: 50 }, down: { count: 1, percent: 25 }, newlyRated: 0, notYetRated: 0 },
  });
  const beta = () => ({
    id: fx.regions.beta,
    slug: "beta",
    name: "Beta",
    // B1 4→4 same; B2 2→— not yet rated; B3 —→1 newly rated
    figures: { ratedPrevious: 2, ratedCurrent: 2, ratedBoth: 1, up: { count: 0, percent: 0 }, same: { count: 1, percent: 100 }, down: { count: 0, percent: 0 }, newlyRated: 1, notYetRated: 1 },
  });
  const gamma = () => ({
    id: fx.regions.gamma,
    slug: "gamma",
    name: "Gamma",
    figures: { ratedPrevious: 0, ratedCurrent: 0, ratedBoth: 0, up: none, same: none, down: none, newlyRated: 0, notYetRated: 0 },
  });

  it("has every region's movement into the quarter, regions without ratings with zeros", async () => {
    expect(await getMovementByRegion(actors.staff, "2026-Q2")).toEqual({ quarter: "2026-Q2", previousQuarter: "2026-Q1", regions: [alpha(), beta(), gamma()] });
  });

  it("narrows to a chosen facility: only its teams count", async () => {
    // Alpha South: A3 5→4 down, A4 3→4 up. Alpha North: A1 3→3, A2 5→5.
    expect((await getMovementByRegion(actors.staff, "2026-Q2", { regionId: fx.regions.alpha, facilityId: fx.facilities.alphaSouth })).regions).toEqual([
      {
        ...alpha(),
        figures: { ratedPrevious: 2, ratedCurrent: 2, ratedBoth: 2, up: { count: 1, percent: 50 }, same: { count: 0, percent: 0 }, down: { count: 1, percent: 50 }, newlyRated: 0, notYetRated: 0 },
      },
    ]);
    expect((await getMovementByRegion(actors.alphaConsultant, "2026-Q2", { regionId: fx.regions.alpha, facilityId: fx.facilities.alphaNorth })).regions).toEqual([
      {
        ...alpha(),
        figures: { ratedPrevious: 2, ratedCurrent: 2, ratedBoth: 2, up: { count: 0, percent: 0 }, same: { count: 2, percent: 100 }, down: { count: 0, percent: 0 }, newlyRated: 0, notYetRated: 0 },
      },
    ]);
    // Beta Central has all of Beta's teams; Alpha East has none.
    expect((await getMovementByRegion(actors.staff, "2026-Q2", { regionId: fx.regions.beta, facilityId: fx.facilities.betaCentral })).regions).toEqual([beta()]);
    expect((await getMovementByRegion(actors.staff, "2026-Q2", { regionId: fx.regions.alpha, facilityId: fx.facilities.alphaEast })).regions).toEqual([
      { ...alpha(), figures: { ratedPrevious: 0, ratedCurrent: 0, ratedBoth: 0, up: none, same: none, down: none, newlyRated: 0, notYetRated: 0 } },
    ]);
    // Another region's facility stays out of a consultant's reach.
    expect((await getMovementByRegion(actors.alphaConsultant, "2026-Q2", { regionId: fx.regions.beta, facilityId: fx.facilities.betaCentral })).regions).toEqual([]);
  });

  it("narrows to a chosen region and to a consultant's own", async () => {
    expect((await getMovementByRegion(actors.staff, "2026-Q2", { regionId: fx.regions.beta })).regions).toEqual([beta()]);
    expect((await getMovementByRegion(actors.alphaConsultant, "2026-Q2")).regions).toEqual([alpha()]);
    expect((await getMovementByRegion(actors.alphaConsultant, "2026-Q2", { regionId: fx.regions.beta })).regions).toEqual([]);
  });
});

// ───────────────────────────── facility drill-down ─────────────────────────────

describe("getFacilityOrThrow and getFacilityTeams", () => {
  it("finds a facility the actor may see", async () => {
    expect(await getFacilityOrThrow(actors.staff, fx.facilities.betaCentral)).toEqual({ id: fx.facilities.betaCentral, name: "Beta Central", regionId: fx.regions.beta });
    expect(await getFacilityOrThrow(actors.alphaConsultant, fx.facilities.alphaSouth)).toEqual({
      id: fx.facilities.alphaSouth,
      name: "Alpha South",
      regionId: fx.regions.alpha,
    });
  });

  it("refuses another region's facility, and does not know unknown ones", async () => {
    await expect(getFacilityOrThrow(actors.alphaConsultant, fx.facilities.betaCentral)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getFacilityTeams(actors.alphaConsultant, "2026-Q2", fx.facilities.betaCentral)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getFacilityOrThrow(actors.staff, UNKNOWN_ID)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFacilityOrThrow(actors.staff, "not-a-facility")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFacilityTeams(actors.staff, "2026-Q2", UNKNOWN_ID)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists the active teams by department with their levels in both quarters (inactive A5 left out)", async () => {
    expect(await getFacilityTeams(actors.alphaConsultant, "2026-Q2", fx.facilities.alphaSouth)).toEqual([
      { teamId: fx.teams.A4, code: "A4", name: "South Imaging", department: "Imaging", level: 4, previousLevel: 3, change: { direction: "up", levels: 1 } },
      { teamId: fx.teams.A3, code: "A3", name: "South Lab", department: "Laboratory", level: 4, previousLevel: 5, change: { direction: "down", levels: 1 } },
    ]);
  });

  it("shows unrated quarters as not rated, with no change; non-final ratings do not count", async () => {
    expect(await getFacilityTeams(actors.staff, "2026-Q2", fx.facilities.betaCentral)).toEqual([
      { teamId: fx.teams.B1, code: "B1", name: "Central Emergency", department: "Emergency", level: 4, previousLevel: 4, change: { direction: "same", levels: 0 } },
      { teamId: fx.teams.B3, code: "B3", name: "Central Emergency Nights", department: "Emergency", level: 1, previousLevel: null, change: null },
      { teamId: fx.teams.B2, code: "B2", name: "Central Member Services", department: "Member Services", level: null, previousLevel: 2, change: null },
    ]);
    // B3 is chartered in 2026-Q2.
    expect((await getFacilityTeams(actors.staff, "2026-Q1", fx.facilities.betaCentral)).map((team) => team.code)).toEqual(["B1", "B2"]);
    expect(await getFacilityTeams(actors.staff, "2026-Q2", fx.facilities.gammaClinic)).toEqual([
      { teamId: fx.teams.G1, code: "G1", name: "Gamma Primary Care", department: "Primary Care", level: null, previousLevel: null, change: null },
    ]);
    expect(await getFacilityTeams(actors.staff, "2026-Q2", fx.facilities.alphaEast)).toEqual([]);
  });
});

// ───────────────────────────── projects by compass point ─────────────────────────────

describe("getProjectsByCompassPoint", () => {
  const row = (compassPoint: CompassPoint, label: string, inProgress: number, completed: number, abandoned: number) => ({
    compassPoint,
    label,
    inProgress,
    completed,
    abandoned,
    total: inProgress + completed + abandoned,
  });

  it("counts projects started by the quarter's end under each of their points, by status today", async () => {
    // Started before 2026-07-01: P1–P7 (P4 by its createdAt, 2026-05-20); not P8 (2026-07-15).
    expect(await getProjectsByCompassPoint(actors.staff, "2026-Q2", NATIONAL)).toEqual({
      rows: [
        row("PATIENT_AND_MEMBER_FOCUS", "Patient and Member Focus", 1, 0, 0), // P5 testing
        row("BEST_QUALITY", "Best Quality", 0, 2, 0), // P1 sustained, P3 implemented
        row("BEST_SERVICE", "Best Service", 2, 0, 1), // P2 active, P4 idea; P7 abandoned
        row("MOST_AFFORDABLE", "Most Affordable", 2, 1, 0), // P5, P6; P1
        row("BEST_PLACE_TO_WORK", "Best Place to Work", 1, 0, 0), // P4
      ],
      projects: 7, // P1, P4 and P5 have two points each: 10 under points
    });
  });

  it("uses the start date, or without one the day the project was created", async () => {
    // Started before 2026-04-01: P1, P2, P3, P5, P7. Not P4 (created 2026-05-20), nor P6 (starting on 2026-04-01 itself).
    expect(await getProjectsByCompassPoint(actors.staff, "2026-Q1", NATIONAL)).toEqual({
      rows: [
        row("PATIENT_AND_MEMBER_FOCUS", "Patient and Member Focus", 1, 0, 0),
        row("BEST_QUALITY", "Best Quality", 0, 2, 0),
        row("BEST_SERVICE", "Best Service", 1, 0, 1),
        row("MOST_AFFORDABLE", "Most Affordable", 1, 1, 0),
        row("BEST_PLACE_TO_WORK", "Best Place to Work", 0, 0, 0),
      ],
      projects: 5,
    });
  });

  it("narrows to a consultant's region, to a facility, and has zeros for a region without projects", async () => {
    // Alpha: P1, P2, P3, P4.
    expect(await getProjectsByCompassPoint(actors.alphaConsultant, "2026-Q2", NATIONAL)).toEqual({
      rows: [
        row("PATIENT_AND_MEMBER_FOCUS", "Patient and Member Focus", 0, 0, 0),
        row("BEST_QUALITY", "Best Quality", 0, 2, 0),
        row("BEST_SERVICE", "Best Service", 2, 0, 0),
        row("MOST_AFFORDABLE", "Most Affordable", 0, 1, 0),
        row("BEST_PLACE_TO_WORK", "Best Place to Work", 1, 0, 0),
      ],
      projects: 4,
    });
    // Alpha South: P3 (A3), P4 (A4).
    expect(await getProjectsByCompassPoint(actors.staff, "2026-Q2", { regionId: fx.regions.alpha, facilityId: fx.facilities.alphaSouth })).toEqual({
      rows: [
        row("PATIENT_AND_MEMBER_FOCUS", "Patient and Member Focus", 0, 0, 0),
        row("BEST_QUALITY", "Best Quality", 0, 1, 0),
        row("BEST_SERVICE", "Best Service", 1, 0, 0),
        row("MOST_AFFORDABLE", "Most Affordable", 0, 0, 0),
        row("BEST_PLACE_TO_WORK", "Best Place to Work", 1, 0, 0),
      ],
      projects: 2,
    });
    const gamma = await getProjectsByCompassPoint(actors.staff, "2026-Q2", { regionId: fx.regions.gamma, facilityId: null });
    expect(gamma.projects).toBe(0);
    expect(gamma.rows.map((entry) => entry.total)).toEqual([0, 0, 0, 0, 0]);
    const beta = await getProjectsByCompassPoint(actors.alphaConsultant, "2026-Q2", { regionId: fx.regions.beta, facilityId: null });
    expect(beta.projects).toBe(0);
  });
});

// ───────────────────────────── savings ─────────────────────────────

describe("getSavingsBreakdown", () => {
  const figures = (quarterReportedCents: number, quarterValidatedCents: number, cumulativeReportedCents: number, cumulativeValidatedCents: number) => ({
    quarterReportedCents,
    quarterValidatedCents,
    cumulativeReportedCents,
    cumulativeValidatedCents,
  });
  // 2026-Q2 since 2025-Q3 (2025-07-01 to 2026-06-30):
  // Alpha: quarter E1 100000 V + E2 50000 R (E3 rejected); before it E6 25000 R, E9 12346 V (E7 is before 2025-Q3).
  const ALPHA = figures(150000, 100000, 187346, 112346); // 150000 + 25000 + 12346; 100000 + 12346
  // Beta: quarter E4 200000 V; before it E5 70000 V (E8 is after the quarter).
  const BETA = figures(200000, 200000, 270000, 270000);
  const ZERO = figures(0, 0, 0, 0);
  const named = (row: { name: string } & ReturnType<typeof figures>) => ({
    name: row.name,
    ...figures(row.quarterReportedCents, row.quarterValidatedCents, row.cumulativeReportedCents, row.cumulativeValidatedCents),
  });

  it("sums reported (not rejected) and validated savings per region, in the quarter and since a start", async () => {
    expect(await getSavingsBreakdown(actors.staff, "2026-Q2", "2025-Q3", filters())).toEqual({
      quarter: "2026-Q2",
      since: "2025-Q3",
      groupedBy: "region",
      rows: [
        { id: fx.regions.alpha, name: "Alpha", slug: "alpha", ...ALPHA },
        { id: fx.regions.beta, name: "Beta", slug: "beta", ...BETA },
        { id: fx.regions.gamma, name: "Gamma", slug: "gamma", ...ZERO },
      ],
      total: figures(350000, 300000, 457346, 382346),
    });
  });

  it("sums cumulatively from the chosen start", async () => {
    // From 2025-Q2, E7 (40000 V, 2025-05-15) counts for Alpha too.
    const fromQ2 = await getSavingsBreakdown(actors.staff, "2026-Q2", "2025-Q2", filters());
    expect(fromQ2.rows.map(named)).toEqual([
      { name: "Alpha", ...figures(150000, 100000, 227346, 152346) },
      { name: "Beta", ...BETA },
      { name: "Gamma", ...ZERO },
    ]);
    expect(fromQ2.total).toEqual(figures(350000, 300000, 497346, 422346));
    // From the quarter itself, cumulative is the quarter.
    expect((await getSavingsBreakdown(actors.staff, "2026-Q2", "2026-Q2", filters())).total).toEqual(figures(350000, 300000, 350000, 300000));
  });

  it("counts only projects with the chosen compass point", async () => {
    // Most Affordable: P1 (E1, E2, E7), P5 (E4, E5), P6 (E8). Not P2 (E6), P3 (E3), P4 (E9).
    const affordable = await getSavingsBreakdown(actors.staff, "2026-Q2", "2025-Q3", compass("MOST_AFFORDABLE"));
    expect(affordable.rows.map(named)).toEqual([
      { name: "Alpha", ...figures(150000, 100000, 150000, 100000) },
      { name: "Beta", ...BETA },
      { name: "Gamma", ...ZERO },
    ]);
    expect(affordable.total).toEqual(figures(350000, 300000, 420000, 370000));
    // Best Quality: P1 and P3 (E3 rejected).
    expect((await getSavingsBreakdown(actors.staff, "2026-Q2", "2025-Q3", compass("BEST_QUALITY"))).total).toEqual(figures(150000, 100000, 150000, 100000));
  });

  it("has every facility of a chosen region", async () => {
    expect(await getSavingsBreakdown(actors.staff, "2026-Q2", "2025-Q3", filters({ regionId: fx.regions.alpha }))).toEqual({
      quarter: "2026-Q2",
      since: "2025-Q3",
      groupedBy: "facility",
      rows: [
        { id: fx.facilities.alphaEast, name: "Alpha East", slug: null, ...ZERO },
        // A1: E1, E2 (E7 before); A2: E6
        { id: fx.facilities.alphaNorth, name: "Alpha North", slug: null, ...figures(150000, 100000, 175000, 100000) },
        // A3: E3 rejected; A4: E9
        { id: fx.facilities.alphaSouth, name: "Alpha South", slug: null, ...figures(0, 0, 12346, 12346) },
      ],
      total: ALPHA,
    });
  });

  it("has only the chosen facility when one is chosen", async () => {
    const south = await getSavingsBreakdown(actors.staff, "2026-Q2", "2025-Q3", filters({ regionId: fx.regions.alpha, facilityId: fx.facilities.alphaSouth }));
    expect(south.rows).toEqual([{ id: fx.facilities.alphaSouth, name: "Alpha South", slug: null, ...figures(0, 0, 12346, 12346) }]);
    expect(south.total).toEqual(figures(0, 0, 12346, 12346));
  });

  it("shows a consultant their own region only, and nothing of another region's facilities", async () => {
    const own = await getSavingsBreakdown(actors.alphaConsultant, "2026-Q2", "2025-Q3", filters());
    expect(own.rows).toEqual([{ id: fx.regions.alpha, name: "Alpha", slug: "alpha", ...ALPHA }]);
    expect(own.total).toEqual(ALPHA);
    const beta = await getSavingsBreakdown(actors.alphaConsultant, "2026-Q2", "2025-Q3", filters({ regionId: fx.regions.beta }));
    expect(beta.total).toEqual(ZERO);
    // Like getRegionalTable, no row for a region outside the consultant's scope.
    expect(beta.rows).toEqual([]);
  });
});

describe("getSavingsTimeline", () => {
  const quarter = (q: string, reportedCents: number, validatedCents: number, cumulativeReportedCents: number, cumulativeValidatedCents: number) => ({
    quarter: q,
    reportedCents,
    validatedCents,
    cumulativeReportedCents,
    cumulativeValidatedCents,
  });

  it("lists every quarter, those without savings as zero, with running totals", async () => {
    expect(await getSavingsTimeline(actors.staff, "2025-Q3", "2026-Q2", filters())).toEqual([
      quarter("2025-Q3", 70000, 70000, 70000, 70000), // E5
      quarter("2025-Q4", 0, 0, 70000, 70000),
      quarter("2026-Q1", 37346, 12346, 107346, 82346), // E6 25000 R + E9 12346 V
      quarter("2026-Q2", 350000, 300000, 457346, 382346), // E1 + E2 + E4 (E3 rejected)
    ]);
  });

  it("narrows to a consultant's region, a compass point, and lists a region without savings as zeros", async () => {
    expect(await getSavingsTimeline(actors.alphaConsultant, "2025-Q3", "2026-Q2", filters())).toEqual([
      quarter("2025-Q3", 0, 0, 0, 0),
      quarter("2025-Q4", 0, 0, 0, 0),
      quarter("2026-Q1", 37346, 12346, 37346, 12346),
      quarter("2026-Q2", 150000, 100000, 187346, 112346), // E1 + E2
    ]);
    expect(await getSavingsTimeline(actors.staff, "2025-Q3", "2026-Q2", compass("MOST_AFFORDABLE"))).toEqual([
      quarter("2025-Q3", 70000, 70000, 70000, 70000),
      quarter("2025-Q4", 0, 0, 70000, 70000),
      quarter("2026-Q1", 0, 0, 70000, 70000),
      quarter("2026-Q2", 350000, 300000, 420000, 370000),
    ]);
    expect(await getSavingsTimeline(actors.staff, "2026-Q1", "2026-Q3", filters({ regionId: fx.regions.gamma }))).toEqual([
      quarter("2026-Q1", 0, 0, 0, 0),
      quarter("2026-Q2", 0, 0, 0, 0),
      quarter("2026-Q3", 0, 0, 0, 0),
    ]);
    // Beta Central in 2026-Q3: E8 only.
    expect(await getSavingsTimeline(actors.staff, "2026-Q3", "2026-Q3", filters({ regionId: fx.regions.beta, facilityId: fx.facilities.betaCentral }))).toEqual([
      quarter("2026-Q3", 15000, 15000, 15000, 15000),
    ]);
  });
});

// ───────────────────────────── top practices ─────────────────────────────

describe("getTopPractices", () => {
  const huddleBoard = (adoptions: number, adoptingRegions: number) => ({
    projectId: fx.projects.P1,
    title: "Huddle board",
    teamName: "North Pharmacy",
    regionName: "Alpha",
    compassPoints: ["BEST_QUALITY", "MOST_AFFORDABLE"],
    adoptions,
    adoptingRegions,
  });
  const edHuddleBoard = () => ({
    projectId: fx.projects.P5,
    title: "Huddle board (ED)",
    teamName: "Central Emergency",
    regionName: "Beta",
    compassPoints: ["MOST_AFFORDABLE", "PATIENT_AND_MEMBER_FOCUS"],
    adoptions: 1, // A2
    adoptingRegions: 1,
  });

  it("orders practices by adoptions by the end of the quarter", async () => {
    // P1: A3 (Alpha) and B1 (Beta); B2's adoption on 2026-07-05 is after the quarter.
    expect(await getTopPractices(actors.staff, "2026-Q2", filters())).toEqual([huddleBoard(2, 2), edHuddleBoard()]);
    expect(await getTopPractices(actors.staff, "2026-Q3", filters())).toEqual([huddleBoard(3, 2), edHuddleBoard()]);
    // By 2026-Q1's end only A3 had adopted anything.
    expect(await getTopPractices(actors.staff, "2026-Q1", filters())).toEqual([huddleBoard(1, 1)]);
    expect(await getTopPractices(actors.staff, "2026-Q2", filters(), 1)).toEqual([huddleBoard(2, 2)]);
  });

  it("counts every link so far while the quarter runs (from Project.adopterCount), filtered and cut as a past quarter is", async () => {
    const duringQ3 = new Date("2026-08-01T00:00:00Z");
    const running = (actor: Actor, overview: OverviewFilters, limit?: number) => getTopPractices(actor, "2026-Q3", overview, limit, duringQ3);
    expect(await running(actors.staff, filters())).toEqual([huddleBoard(3, 2), edHuddleBoard()]);
    expect(await running(actors.staff, filters(), 1)).toEqual([huddleBoard(3, 2)]);
    expect(await running(actors.alphaConsultant, filters())).toEqual([huddleBoard(3, 2)]);
    expect(await running(actors.staff, filters({ regionId: fx.regions.beta }))).toEqual([edHuddleBoard()]);
    expect(await running(actors.staff, compass("PATIENT_AND_MEMBER_FOCUS"))).toEqual([edHuddleBoard()]);
    expect(await running(actors.staff, compass("BEST_SERVICE"))).toEqual([]);
  });

  it("breaks a tie in adoptions by the larger validated savings, as the practice library does, past or running", async () => {
    // P5 ($2,700 validated) is adopted by A4 in 2026-Q2 and B2 in 2026-Q3, drawing level with P1 ($1,000) both times; by title P1 would come first.
    const ties = await prisma.spreadLink.createManyAndReturn({
      data: [
        { originProjectId: fx.projects.P5, adopterProjectId: fx.projects.P4, adopterTeamId: fx.teams.A4, createdAt: new Date("2026-05-15T12:00:00Z") },
        { originProjectId: fx.projects.P5, adopterProjectId: fx.projects.P7, adopterTeamId: fx.teams.B2, createdAt: new Date("2026-08-15T12:00:00Z") },
      ],
    });
    try {
      const ranked = (practices: { projectId: string; adoptions: number }[]) => practices.map(({ projectId, adoptions }) => [projectId, adoptions]);
      expect(ranked(await getTopPractices(actors.staff, "2026-Q2", filters()))).toEqual([
        [fx.projects.P5, 2],
        [fx.projects.P1, 2],
      ]);
      expect(ranked(await getTopPractices(actors.staff, "2026-Q3", filters(), undefined, new Date("2026-08-20T00:00:00Z")))).toEqual([
        [fx.projects.P5, 3],
        [fx.projects.P1, 3],
      ]);
    } finally {
      await prisma.spreadLink.deleteMany({ where: { id: { in: ties.map((link) => link.id) } } });
    }
  });

  it("narrows to practices from the place, and with the compass point", async () => {
    expect(await getTopPractices(actors.alphaConsultant, "2026-Q2", filters())).toEqual([huddleBoard(2, 2)]);
    expect(await getTopPractices(actors.staff, "2026-Q2", filters({ regionId: fx.regions.beta }))).toEqual([edHuddleBoard()]);
    expect(await getTopPractices(actors.staff, "2026-Q2", compass("BEST_QUALITY"))).toEqual([huddleBoard(2, 2)]);
    expect(await getTopPractices(actors.staff, "2026-Q2", compass("PATIENT_AND_MEMBER_FOCUS"))).toEqual([edHuddleBoard()]);
    expect(await getTopPractices(actors.staff, "2026-Q2", compass("MOST_AFFORDABLE"))).toEqual([huddleBoard(2, 2), edHuddleBoard()]);
    expect(await getTopPractices(actors.staff, "2026-Q2", compass("BEST_SERVICE"))).toEqual([]);
    expect(await getTopPractices(actors.alphaConsultant, "2026-Q2", filters({ regionId: fx.regions.beta }))).toEqual([]);
  });
});

// ───────────────────────────── linkage ─────────────────────────────

describe("getLinkage and getLinkageTeams", () => {
  // 2026-Q2: window 2025-Q3..2026-Q2 (2025-07-01 to 2026-06-30). Teams with a levelled final rating in 2026-Q2.
  const team = (code: "A1" | "A2" | "A3" | "A4" | "B1" | "B3", name: string, regionName: string, facilityName: string, level: number, validatedCents: number, projects: number, cycles: number) => ({
    teamId: fx.teams[code],
    code,
    name,
    regionName,
    facilityName,
    level,
    validatedCents,
    projects,
    cycles,
    // The fixture has no rosters: engagement is 0 of 0 (lib/data/engagement.ts is tested on its own).
    rosterMembers: 0,
    engagedMembers: 0,
  });
  const group = (
    label: string,
    teams: number,
    validatedCents: number,
    validatedCentsPerTeam: number | null,
    teamsWithSavingsPercent: number | null,
    projectsPerTeam: number | null,
    cyclesPerTeam: number | null,
  ) => ({ label, teams, validatedCents, validatedCentsPerTeam, teamsWithSavingsPercent, projectsPerTeam, cyclesPerTeam, engagementPercent: null });
  const L1 = "1 · Pre-Team Climate";
  const L2 = "2 · Foundational";
  const L3 = "3 · Transitional";
  const L4 = "4 · Operational";
  const L5 = "5 · High Performing";
  const HP = "High performing (4–5)";
  const NOT_HP = "Not yet high performing (1–3)";
  const ALL = "All rated teams";
  const EMPTY = (label: string) => group(label, 0, 0, null, null, null, null);

  it("sets each rated team's level beside its validated savings, projects and cycles in the window, and sums them per level", async () => {
    expect(await getLinkageTeams(actors.staff, "2026-Q2", filters())).toEqual({
      quarter: "2026-Q2",
      from: "2025-Q3",
      teams: [
        // E1 (E7 is before the window); P1 (P8 starts after it); cycles P1 #2 (2025-07-01) and #3 (#1 is 2025-06-30)
        team("A1", "North Pharmacy", "Alpha", "Alpha North", 3, 100000, 1, 2),
        // E6 is only reported; P2
        team("A2", "North Surgery", "Alpha", "Alpha North", 5, 0, 1, 0),
        // E3 is rejected; P3, its cycle 2026-02-15
        team("A3", "South Lab", "Alpha", "Alpha South", 4, 0, 1, 1),
        // E9; P4 (no start date: created 2026-05-20)
        team("A4", "South Imaging", "Alpha", "Alpha South", 4, 12346, 1, 0),
        // E4 + E5; P5, whose cycle on 2026-07-01 is after the window
        team("B1", "Central Emergency", "Beta", "Beta Central", 4, 270000, 1, 0),
        team("B3", "Central Emergency Nights", "Beta", "Beta Central", 1, 0, 0, 0),
      ],
    });
    expect(await getLinkage(actors.staff, "2026-Q2", filters())).toEqual({
      quarter: "2026-Q2",
      from: "2025-Q3",
      ratedTeams: 6,
      byLevel: [
        group(L1, 1, 0, 0, 0, 0, 0),
        EMPTY(L2),
        group(L3, 1, 100000, 100000, 100, 1, 2),
        // 282346/3 = 94115.33 → 94115; 2 of 3 with savings = 67 %; 3/3 projects; 1/3 cycles = 0.33 → 0.3
        group(L4, 3, 282346, 94115, 67, 1, 0.3),
        group(L5, 1, 0, 0, 0, 1, 0),
      ],
      comparison: [
        // A2, A3, A4, B1: 282346/4 = 70586.5 → 70587; 2 of 4 = 50 %; 4/4; 1/4 = 0.25 → 0.3
        group(HP, 4, 282346, 70587, 50, 1, 0.3),
        // A1, B3: 100000/2; 1 of 2; 1/2 = 0.5; 2/2 = 1
        group(NOT_HP, 2, 100000, 50000, 50, 0.5, 1),
        // 382346/6 = 63724.33 → 63724; 3 of 6 = 50 %; 5/6 = 0.83 → 0.8; 3/6 = 0.5
        group(ALL, 6, 382346, 63724, 50, 0.8, 0.5),
      ],
    });
  });

  it("counts only projects with the chosen compass point, keeping every rated team", async () => {
    // Most Affordable: P1 (A1), P5 (B1), P6 (B2), P8 (A1).
    const linkage = await getLinkage(actors.staff, "2026-Q2", compass("MOST_AFFORDABLE"));
    expect((await getLinkageTeams(actors.staff, "2026-Q2", compass("MOST_AFFORDABLE"))).teams.map(({ code, validatedCents, projects, cycles }) => ({ code, validatedCents, projects, cycles }))).toEqual([
      { code: "A1", validatedCents: 100000, projects: 1, cycles: 2 },
      { code: "A2", validatedCents: 0, projects: 0, cycles: 0 },
      { code: "A3", validatedCents: 0, projects: 0, cycles: 0 },
      { code: "A4", validatedCents: 0, projects: 0, cycles: 0 },
      { code: "B1", validatedCents: 270000, projects: 1, cycles: 0 },
      { code: "B3", validatedCents: 0, projects: 0, cycles: 0 },
    ]);
    expect(linkage.byLevel).toEqual([
      group(L1, 1, 0, 0, 0, 0, 0),
      EMPTY(L2),
      group(L3, 1, 100000, 100000, 100, 1, 2),
      group(L4, 3, 270000, 90000, 33, 0.3, 0), // 1 of 3 = 33 %; 1/3 = 0.3
      group(L5, 1, 0, 0, 0, 0, 0),
    ]);
    expect(linkage.comparison).toEqual([
      group(HP, 4, 270000, 67500, 25, 0.3, 0), // 1/4 = 0.25 → 0.3
      group(NOT_HP, 2, 100000, 50000, 50, 0.5, 1),
      group(ALL, 6, 370000, 61667, 33, 0.3, 0.3), // 61666.67 → 61667; 2/6 → 33 %; 2/6 = 0.33 → 0.3
    ]);
  });

  it("shows a consultant their own region only", async () => {
    const linkage = await getLinkage(actors.alphaConsultant, "2026-Q2", filters());
    expect(linkage.ratedTeams).toBe(4);
    expect((await getLinkageTeams(actors.alphaConsultant, "2026-Q2", filters())).teams.map((entry) => entry.code)).toEqual(["A1", "A2", "A3", "A4"]);
    expect(linkage.byLevel).toEqual([
      EMPTY(L1),
      EMPTY(L2),
      group(L3, 1, 100000, 100000, 100, 1, 2),
      group(L4, 2, 12346, 6173, 50, 1, 0.5),
      group(L5, 1, 0, 0, 0, 1, 0),
    ]);
    expect(linkage.comparison).toEqual([
      group(HP, 3, 12346, 4115, 33, 1, 0.3), // 4115.33; 1 of 3; 1/3
      group(NOT_HP, 1, 100000, 100000, 100, 1, 2),
      group(ALL, 4, 112346, 28087, 50, 1, 0.8), // 28086.5 → 28087; 3/4 = 0.75 → 0.8
    ]);
  });

  it("moves the window with the quarter, and is empty where nobody is rated", async () => {
    // 2026-Q3 (window 2025-Q4..2026-Q3): only A1 is rated; E1; P1 and P8; cycle #3 (2025-10-01).
    const q3 = await getLinkageTeams(actors.staff, "2026-Q3", filters());
    expect(q3.from).toBe("2025-Q4");
    expect(q3.teams).toEqual([team("A1", "North Pharmacy", "Alpha", "Alpha North", 3, 100000, 2, 1)]);
    expect((await getLinkage(actors.staff, "2026-Q3", filters())).byLevel[2]).toEqual(group(L3, 1, 100000, 100000, 100, 2, 1));
    expect((await getLinkageTeams(actors.staff, "2026-Q2", filters({ regionId: fx.regions.gamma }))).teams).toEqual([]);
    const gamma = await getLinkage(actors.staff, "2026-Q2", filters({ regionId: fx.regions.gamma }));
    expect(gamma.ratedTeams).toBe(0);
    expect(gamma.byLevel).toEqual([EMPTY(L1), EMPTY(L2), EMPTY(L3), EMPTY(L4), EMPTY(L5)]);
    expect(gamma.comparison).toEqual([EMPTY(HP), EMPTY(NOT_HP), EMPTY(ALL)]);
  });
});

// ───────────────────────────── attention ─────────────────────────────

describe("getTeamsNeedingAttention", () => {
  const attentionTeam = (code: "A3" | "A4" | "B1" | "B2" | "B3" | "G1", name: string, regionName: string) => ({ teamId: fx.teams[code], code, name, regionName });
  const notStartedTeams = () => [
    // A1 has a final 2026-Q3 rating and A2 a draft: both started. A5 is inactive. B1 only assessed itself.
    attentionTeam("A3", "South Lab", "Alpha"),
    attentionTeam("A4", "South Imaging", "Alpha"),
    attentionTeam("B1", "Central Emergency", "Beta"),
    attentionTeam("B2", "Central Member Services", "Beta"),
    attentionTeam("B3", "Central Emergency Nights", "Beta"),
    attentionTeam("G1", "Gamma Primary Care", "Gamma"),
  ];
  const stuckA1 = () => ({ teamId: fx.teams.A1, code: "A1", name: "North Pharmacy", regionName: "Alpha", level: 3, quarters: 5, lookbackReached: false });
  const stuckB1 = () => ({ teamId: fx.teams.B1, code: "B1", name: "Central Emergency", regionName: "Beta", level: 4, quarters: 4, lookbackReached: false });
  const downA3 = () => ({ teamId: fx.teams.A3, code: "A3", name: "South Lab", regionId: fx.regions.alpha, previousLevel: 5, level: 4, change: { direction: "down", levels: 1 } });
  const stale = (key: "P2" | "P3" | "P4" | "P5") => {
    const projects = {
      P2: { title: "Huddle board (theatres)", status: "ACTIVE", lastActivityAt: new Date("2026-04-01T12:00:00Z"), team: "A2", teamName: "North Surgery" },
      P3: { title: "Huddle board (lab)", status: "IMPLEMENTED", lastActivityAt: new Date("2026-06-20T12:00:00Z"), team: "A3", teamName: "South Lab" },
      P4: { title: "Imaging queue", status: "IDEA", lastActivityAt: new Date("2026-05-20T12:00:00Z"), team: "A4", teamName: "South Imaging" },
      P5: { title: "Huddle board (ED)", status: "TESTING", lastActivityAt: new Date("2026-03-01T12:00:00Z"), team: "B1", teamName: "Central Emergency" },
    } as const;
    const { team, ...project } = projects[key];
    return { projectId: fx.projects[key], ...project, teamId: fx.teams[team], teamCode: team };
  };

  it("lists stuck teams (not those staying at 5), teams that moved down, stale projects and ratings not started", async () => {
    expect(await getTeamsNeedingAttention(actors.staff, NOW)).toEqual({
      // 2026-Q3 is open (A1's final rating in it does not make it the rated quarter).
      ratedQuarter: "2026-Q2",
      // A1 at 3 since 2025-Q2 (5 quarters), B1 at 4 since 2025-Q3 (4); A2 at 5 for 6 quarters is not stuck.
      stuck: { count: 2, items: [stuckA1(), stuckB1()] },
      movedDown: { count: 1, items: [downA3()] },
      // Open and last active before 2026-05-12 12:00 (90 days before NOW): P5, P2. Not P1 (sustained) nor P7 (abandoned), however old.
      staleProjects: { count: 2, items: [stale("P5"), stale("P2")] },
      notStarted: { quarter: "2026-Q3", daysLeft: 52, near: false, count: 6, items: notStartedTeams() },
    });
  });

  it("flags ratings not started near the quarter's end, and projects that have since gone stale", async () => {
    const attention = await getTeamsNeedingAttention(actors.staff, NEAR_END);
    expect(attention.notStarted).toEqual({ quarter: "2026-Q3", daysLeft: 11, near: true, count: 6, items: notStartedTeams() });
    // Before 2026-06-22 12:00: P4 (idea) and P3 (implemented, still open under the 90-day rule) join.
    expect(attention.staleProjects).toEqual({ count: 4, items: [stale("P5"), stale("P2"), stale("P4"), stale("P3")] });
    expect(attention.ratedQuarter).toBe("2026-Q2");
  });

  it("cuts the lists at the limit but keeps the counts complete", async () => {
    const attention = await getTeamsNeedingAttention(actors.staff, NOW, { limit: 1 });
    expect(attention.stuck).toEqual({ count: 2, items: [stuckA1()] });
    expect(attention.movedDown).toEqual({ count: 1, items: [downA3()] });
    expect(attention.staleProjects).toEqual({ count: 2, items: [stale("P5")] });
    expect(attention.notStarted).toEqual({ quarter: "2026-Q3", daysLeft: 52, near: false, count: 6, items: notStartedTeams().slice(0, 1) });
  });

  it("keeps a consultant to their region, and has nothing to judge in a region without ratings", async () => {
    expect(await getTeamsNeedingAttention(actors.alphaConsultant, NOW)).toEqual({
      ratedQuarter: "2026-Q2",
      stuck: { count: 1, items: [stuckA1()] },
      movedDown: { count: 1, items: [downA3()] },
      staleProjects: { count: 1, items: [stale("P2")] },
      notStarted: { quarter: "2026-Q3", daysLeft: 52, near: false, count: 2, items: notStartedTeams().slice(0, 2) },
    });
    expect(await getTeamsNeedingAttention(actors.gammaConsultant, NOW)).toEqual({
      ratedQuarter: null,
      stuck: { count: 0, items: [] },
      movedDown: { count: 0, items: [] },
      staleProjects: { count: 0, items: [] },
      notStarted: { quarter: "2026-Q3", daysLeft: 52, near: false, count: 1, items: [attentionTeam("G1", "Gamma Primary Care", "Gamma")] },
    });
  });
});

// ───────────────────────────── sponsor portfolio ─────────────────────────────

describe("getSponsorPortfolio", () => {
  const distribution = (counts: [number, number, number, number, number, number], percents: [number, number, number, number, number, number]) =>
    ["1 · Pre-Team Climate", "2 · Foundational", "3 · Transitional", "4 · Operational", "5 · High Performing", "Not rated yet"].map((label, index) => ({
      label,
      teams: counts[index],
      percent: percents[index],
    }));

  it("shows the sponsor's own teams: latest final level, distribution and savings validated this year", async () => {
    expect(await getSponsorPortfolio(actors.sponsor, NOW)).toEqual({
      year: 2026,
      teams: [
        // Latest final: 2026-Q1 (its 2026-Q2 rating awaits sign-off); E8 validated 2026-07-02.
        { teamId: fx.teams.B2, code: "B2", name: "Central Member Services", level: 2, quarter: "2026-Q1", validatedCents: 15000 },
        // Latest final: 2026-Q3; E1 (E2 is only reported, E7 was in 2025).
        { teamId: fx.teams.A1, code: "A1", name: "North Pharmacy", level: 3, quarter: "2026-Q3", validatedCents: 100000 },
      ],
      distribution: distribution([0, 1, 1, 0, 0, 0], [0, 50, 50, 0, 0, 0]),
      validatedCents: 115000,
    });
  });

  it("counts a team never rated as not rated yet", async () => {
    expect(await getSponsorPortfolio(actors.newTeamsSponsor, NOW)).toEqual({
      year: 2026,
      teams: [
        { teamId: fx.teams.B3, code: "B3", name: "Central Emergency Nights", level: 1, quarter: "2026-Q2", validatedCents: 0 },
        { teamId: fx.teams.G1, code: "G1", name: "Gamma Primary Care", level: null, quarter: null, validatedCents: 0 },
      ],
      distribution: distribution([1, 0, 0, 0, 0, 1], [50, 0, 0, 0, 0, 50]),
      validatedCents: 0,
    });
  });

  it("sums the calendar year of `now`", async () => {
    const lastYear = await getSponsorPortfolio(actors.sponsor, new Date("2025-12-31T12:00:00Z"));
    expect(lastYear.year).toBe(2025);
    expect(lastYear.teams.map(({ code, validatedCents }) => ({ code, validatedCents }))).toEqual([
      { code: "B2", validatedCents: 0 },
      { code: "A1", validatedCents: 40000 }, // E7
    ]);
    expect(lastYear.validatedCents).toBe(40000);
  });

  it("is empty for actors who sponsor no team", async () => {
    const empty = { year: 2026, teams: [], distribution: [], validatedCents: 0 };
    expect(await getSponsorPortfolio(actors.colead, NOW)).toEqual(empty);
    expect(await getSponsorPortfolio(actors.staff, NOW)).toEqual(empty);
    expect(await getSponsorPortfolio(actors.alphaConsultant, NOW)).toEqual(empty);
  });
});

// ───────────────────────────── refusals ─────────────────────────────

describe("roll-ups refuse co-leads and sponsors", () => {
  const calls = (actor: Actor): [string, () => Promise<unknown>][] => [
    ["getRatedQuarters", () => getRatedQuarters(actor)],
    ["getRegionalTable", () => getRegionalTable(actor, "2026-Q2")],
    ["getRegionalTable by facility", () => getRegionalTable(actor, "2026-Q2", { regionId: fx.regions.alpha })],
    ["getHighPerformingTrend", () => getHighPerformingTrend(actor)],
    ["getMovementByRegion", () => getMovementByRegion(actor, "2026-Q2")],
    ["getFacilityOrThrow", () => getFacilityOrThrow(actor, fx.facilities.alphaNorth)],
    ["getFacilityTeams", () => getFacilityTeams(actor, "2026-Q2", fx.facilities.alphaNorth)],
    ["getProjectsByCompassPoint", () => getProjectsByCompassPoint(actor, "2026-Q2", NATIONAL)],
    ["getSavingsBreakdown", () => getSavingsBreakdown(actor, "2026-Q2", "2025-Q3", filters())],
    ["getSavingsTimeline", () => getSavingsTimeline(actor, "2025-Q3", "2026-Q2", filters())],
    ["getTopPractices", () => getTopPractices(actor, "2026-Q2", filters())],
    ["getLinkage", () => getLinkage(actor, "2026-Q2", filters())],
    ["getLinkageTeams", () => getLinkageTeams(actor, "2026-Q2", filters())],
    ["getTeamsNeedingAttention", () => getTeamsNeedingAttention(actor, NOW)],
  ];

  it("refuses a co-lead and a sponsor of an Alpha North team everything", async () => {
    for (const [who, actor] of [
      ["co-lead", actors.colead],
      ["sponsor", actors.sponsor],
    ] as const) {
      for (const [name, call] of calls(actor)) await expect(call(), `${who}: ${name}`).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
