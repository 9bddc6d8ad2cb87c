import "server-only";
import { replica } from "@/lib/db";
import { teamOperatesIn } from "@/lib/data/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeOrRefuse, type Actor, type Scope } from "@/lib/auth/permissions";
import { highPerformingPercent } from "@/lib/domain/high-performing";
import { levelShares, percentPointChange, percentsSummingTo100, sumColumns, type LevelCounts } from "@/lib/domain/overview";
import { HIGH_PERFORMING_MIN_LEVEL } from "@/lib/domain/path-to-performance";
import { compareQuarters, isQuarter, isQuarterClosed, previousQuarter, quarterRange, type Quarter } from "@/lib/domain/quarter";
import { cachedFigures } from "@/lib/data/figures-cache";

/** Where an overview looks: everything in the actor's scope, or one region, or one facility of it. */
export type OverviewPlace = { regionId: string | null; facilityId?: string | null };

export const NATIONAL: OverviewPlace = { regionId: null, facilityId: null };

/**
 * The final levels of a group's rated teams (a final rating always has a level:
 * CHECK Rating_final_has_level). `shares` rounds each level's share half up on
 * its own, as the published percents are, so they may add up to 99 or 101;
 * `barShares` are whole percents that add up to exactly 100, for the 100 % bar.
 */
export type LevelDistribution = { levels: LevelCounts; rated: number; shares: (number | null)[]; barShares: (number | null)[] };

/** One line of the high-performing table: a region, or a facility within a region. */
export type RegionRow = {
  id: string;
  name: string;
  /** Regions have a slug for their URLs; facilities are addressed by id. */
  slug: string | null;
  membersServed: number | null;
  /** Active teams chartered by the quarter: those that should have a rating. */
  teams: number;
  /** Teams with a final quarterly rating for the quarter. */
  rated: number;
  highPerforming: number;
  percent: number | null;
  previousRated: number;
  previousPercent: number | null;
  /** Percentage points since the previous quarter; null when either quarter has no ratings. */
  change: number | null;
  distribution: LevelDistribution;
};

export type RegionalTable = {
  quarter: Quarter;
  previousQuarter: Quarter;
  /** Regions nationally, or the facilities of the chosen region. */
  groupedBy: "region" | "facility";
  rows: RegionRow[];
  total: Omit<RegionRow, "id" | "name" | "slug" | "membersServed">;
};

export type TrendPoint = { quarter: Quarter; regionId: string; rated: number; highPerforming: number; percent: number | null };

export function regionFilter(scope: Scope, column: Prisma.Sql): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  if (scope.regionIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${column} = ANY(${scope.regionIds}::uuid[])`;
}

/**
 * The conditions on a team (alias `t`, its department `d`) for a roll-up:
 * inside the actor's scope, and inside the chosen region or facility.
 */
export function placeFilter(scope: Scope, place: OverviewPlace): Prisma.Sql {
  const conditions = [regionFilter(scope, Prisma.sql`t."regionId"`)];
  if (place.regionId) conditions.push(Prisma.sql`t."regionId" = ${place.regionId}::uuid`);
  if (place.facilityId) conditions.push(Prisma.sql`d."facilityId" = ${place.facilityId}::uuid`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The conditions on a row of a roll-up table ("FinalRatingCount", "OverviewRollup"; alias
 * `c`): inside the actor's scope, and inside the chosen region or facility.
 */
export function rollupPlaceFilter(scope: Scope, place: OverviewPlace): Prisma.Sql {
  const conditions = [regionFilter(scope, Prisma.sql`c."regionId"`)];
  if (place.regionId) conditions.push(Prisma.sql`c."regionId" = ${place.regionId}::uuid`);
  if (place.facilityId) conditions.push(Prisma.sql`c."facilityId" = ${place.facilityId}::uuid`);
  return Prisma.join(conditions, " AND ");
}

/** Quarters that have at least one final rating in the actor's regions, newest first. */
export async function getRatedQuarters(actor: Actor): Promise<Quarter[]> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const rows = await replica().$queryRaw<{ quarter: string }[]>`
    SELECT DISTINCT c.quarter
    FROM "FinalRatingCount" c
    WHERE c.teams > 0 AND ${regionFilter(scope, Prisma.sql`c."regionId"`)}
    ORDER BY c.quarter DESC`;
  return rows.map((row) => row.quarter).filter(isQuarter);
}

type CountsRow = {
  id: string;
  name: string;
  slug: string | null;
  membersServed: number | null;
  teams: number;
  level1: number;
  level2: number;
  level3: number;
  level4: number;
  level5: number;
  previousRated: number;
  previousHighPerforming: number;
};

type Counts = Omit<CountsRow, "id" | "name" | "slug" | "membersServed">;

const COUNT_COLUMNS = ["teams", "level1", "level2", "level3", "level4", "level5", "previousRated", "previousHighPerforming"] as const satisfies readonly (keyof Counts)[];

function distribution(counts: Counts): LevelDistribution {
  const levels: LevelCounts = [counts.level1, counts.level2, counts.level3, counts.level4, counts.level5];
  return { levels, rated: levels.reduce((sum, count) => sum + count, 0), shares: levelShares(levels), barShares: percentsSummingTo100(levels) };
}

function tableRow(counts: Counts) {
  const levels = distribution(counts);
  const highPerforming = levels.levels.slice(HIGH_PERFORMING_MIN_LEVEL - 1).reduce((sum, count) => sum + count, 0);
  const percent = highPerformingPercent(highPerforming, levels.rated);
  const previousPercent = highPerformingPercent(counts.previousHighPerforming, counts.previousRated);
  return {
    teams: counts.teams,
    rated: levels.rated,
    highPerforming,
    percent,
    previousRated: counts.previousRated,
    previousPercent,
    change: percentPointChange(percent, previousPercent),
    distribution: levels,
  };
}

/** Kept per figures' version (lib/data/figures-cache.ts); `.uncached` computes afresh. */
export const getRegionalTable = cachedFigures("getRegionalTable", computeRegionalTable);

/**
 * The high-performing table for one quarter with the change since the quarter
 * before, and each line's level distribution: every region in scope (rated or
 * not), or with a region chosen, every facility of it (or the one chosen).
 */
async function computeRegionalTable(actor: Actor, quarter: Quarter, place: OverviewPlace = NATIONAL): Promise<RegionalTable> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const earlier = previousQuarter(quarter);
  const groupedBy = place.regionId ? "facility" : "region";
  // Operating teams from the teams themselves; rated teams by level from the pre-aggregate,
  // joined per group (one row per group and level), never per team.
  const counted = Prisma.sql`
    COALESCE(teams.operating, 0)::int AS teams,
    COALESCE(levels.level1, 0)::int AS level1,
    COALESCE(levels.level2, 0)::int AS level2,
    COALESCE(levels.level3, 0)::int AS level3,
    COALESCE(levels.level4, 0)::int AS level4,
    COALESCE(levels.level5, 0)::int AS level5,
    COALESCE(levels."previousRated", 0)::int AS "previousRated",
    COALESCE(levels."previousHighPerforming", 0)::int AS "previousHighPerforming"`;
  const levelSums = Prisma.sql`
    sum(c.teams) FILTER (WHERE c.quarter = ${quarter} AND c.level = 1) AS level1,
    sum(c.teams) FILTER (WHERE c.quarter = ${quarter} AND c.level = 2) AS level2,
    sum(c.teams) FILTER (WHERE c.quarter = ${quarter} AND c.level = 3) AS level3,
    sum(c.teams) FILTER (WHERE c.quarter = ${quarter} AND c.level = 4) AS level4,
    sum(c.teams) FILTER (WHERE c.quarter = ${quarter} AND c.level = 5) AS level5,
    sum(c.teams) FILTER (WHERE c.quarter = ${earlier}) AS "previousRated",
    sum(c.teams) FILTER (WHERE c.quarter = ${earlier} AND c.level >= ${HIGH_PERFORMING_MIN_LEVEL}) AS "previousHighPerforming"`;
  const rows =
    groupedBy === "region"
      ? await replica().$queryRaw<CountsRow[]>`
          SELECT r.id, r.name, r.slug, r."membersServed", ${counted}
          FROM "Region" r
          LEFT JOIN (SELECT t."regionId" AS id, count(*) AS operating FROM "Team" t WHERE ${teamOperatesIn("t", quarter)} GROUP BY 1) teams ON teams.id = r.id
          LEFT JOIN (SELECT c."regionId" AS id, ${levelSums} FROM "FinalRatingCount" c WHERE c.quarter IN (${quarter}, ${earlier}) GROUP BY 1) levels ON levels.id = r.id
          WHERE ${regionFilter(scope, Prisma.sql`r.id`)}
          ORDER BY r."sortOrder", r.name`
      : await replica().$queryRaw<CountsRow[]>`
          SELECT f.id, f.name, NULL AS slug, NULL::int AS "membersServed", ${counted}
          FROM "Facility" f
          LEFT JOIN (
            SELECT d."facilityId" AS id, count(*) AS operating
            FROM "Team" t JOIN "Department" d ON d.id = t."departmentId"
            WHERE t."regionId" = ${place.regionId}::uuid AND ${teamOperatesIn("t", quarter)}
            GROUP BY 1) teams ON teams.id = f.id
          LEFT JOIN (
            SELECT c."facilityId" AS id, ${levelSums} FROM "FinalRatingCount" c
            WHERE c."regionId" = ${place.regionId}::uuid AND c.quarter IN (${quarter}, ${earlier})
            GROUP BY 1) levels ON levels.id = f.id
          WHERE f."regionId" = ${place.regionId}::uuid AND ${regionFilter(scope, Prisma.sql`f."regionId"`)}
            AND ${place.facilityId ? Prisma.sql`f.id = ${place.facilityId}::uuid` : Prisma.sql`TRUE`}
          ORDER BY f.name`;
  const tableRows = rows.map(({ id, name, slug, membersServed, ...counts }) => ({ id, name, slug, membersServed, ...tableRow(counts) }));
  // The total's percent is of the summed counts, never an average of percents.
  const total = tableRow(sumColumns(rows, COUNT_COLUMNS));
  return { quarter, previousQuarter: earlier, groupedBy, rows: tableRows, total };
}

/** Kept per figures' version (lib/data/figures-cache.ts); `.uncached` computes afresh. */
export const getHighPerformingTrend = cachedFigures("getHighPerformingTrend", computeHighPerformingTrend);

/**
 * Each region's high-performing share for every quarter with final ratings,
 * oldest first: one region when chosen, and with a facility chosen only that
 * facility's teams (the points keep their region's id).
 */
async function computeHighPerformingTrend(actor: Actor, place: OverviewPlace = NATIONAL): Promise<TrendPoint[]> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const rows = await replica().$queryRaw<{ quarter: string; regionId: string; rated: number; highPerforming: number }[]>`
    SELECT c.quarter, c."regionId",
           sum(c.teams)::int AS rated,
           COALESCE(sum(c.teams) FILTER (WHERE c.level >= ${HIGH_PERFORMING_MIN_LEVEL}), 0)::int AS "highPerforming"
    FROM "FinalRatingCount" c
    WHERE ${rollupPlaceFilter(scope, place)}
    GROUP BY c.quarter, c."regionId"
    HAVING sum(c.teams) > 0
    ORDER BY c.quarter`;
  return rows
    .filter((row): row is typeof row & { quarter: Quarter } => isQuarter(row.quarter))
    .map((row) => ({ ...row, percent: highPerformingPercent(row.highPerforming, row.rated) }));
}

/** The points of closed quarters: the open quarter's share moves daily while ratings are finalised. */
export function closedQuarterPoints(points: readonly TrendPoint[], now: Date = new Date()): TrendPoint[] {
  return points.filter((point) => isQuarterClosed(point.quarter, now));
}

/**
 * One row per quarter with each region's percent under its id, as the trend chart
 * wants it: every quarter from the first to the last, a quarter without any
 * points as a row of gaps, so the time axis is evenly spaced.
 */
export function trendRowsByQuarter(points: readonly TrendPoint[]): ({ quarter: Quarter } & Record<string, number | null>)[] {
  const byQuarter = new Map<Quarter, { quarter: Quarter } & Record<string, number | null>>();
  for (const point of points) {
    const row = byQuarter.get(point.quarter) ?? ({ quarter: point.quarter } as { quarter: Quarter } & Record<string, number | null>);
    row[point.regionId] = point.percent;
    byQuarter.set(point.quarter, row);
  }
  const quarters = [...byQuarter.keys()].sort(compareQuarters);
  if (quarters.length === 0) return [];
  return quarterRange(quarters[0]!, quarters.at(-1)!).map((quarter) => byQuarter.get(quarter) ?? ({ quarter } as { quarter: Quarter } & Record<string, number | null>));
}
