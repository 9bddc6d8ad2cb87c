import "server-only";
import { prisma } from "@/lib/db";
import { finalQuarterly } from "@/lib/data/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { ForbiddenError } from "@/lib/errors";
import { isEmptyScope, scopeFor, type Actor, type Scope } from "@/lib/auth/permissions";
import { highPerformingPercent, totalCounts } from "@/lib/domain/high-performing";
import { HIGH_PERFORMING_MIN_LEVEL } from "@/lib/domain/path-to-performance";
import { isQuarter, type Quarter } from "@/lib/domain/quarter";

export type RegionRow = {
  regionId: string;
  name: string;
  slug: string;
  membersServed: number | null;
  /** Active teams chartered by the quarter: those that should have a rating. */
  teams: number;
  /** Teams with a final quarterly rating for the quarter. */
  rated: number;
  highPerforming: number;
  percent: number | null;
};

export type RegionalTable = {
  quarter: Quarter;
  rows: RegionRow[];
  total: { teams: number; rated: number; highPerforming: number; percent: number | null };
};

export type TrendPoint = { quarter: Quarter; regionId: string; rated: number; highPerforming: number; percent: number | null };

/** Roll-ups are region-level: an actor needs a national or regional grant for them. */
function rollupScopeOrThrow(actor: Actor): Scope {
  const scope = scopeFor(actor, "rollup.view");
  if (isEmptyScope(scope)) throw new ForbiddenError("Regional roll-ups are open to partnership staff and consultants.");
  return scope;
}

function regionFilter(scope: Scope, column: Prisma.Sql): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  if (scope.regionIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${column} = ANY(${scope.regionIds}::uuid[])`;
}

const FINAL_QUARTERLY = finalQuarterly("rt");

/** Quarters that have at least one final rating in the actor's regions, newest first. */
export async function getRatedQuarters(actor: Actor): Promise<Quarter[]> {
  const scope = rollupScopeOrThrow(actor);
  const rows = await prisma.$queryRaw<{ quarter: string }[]>`
    SELECT DISTINCT rt.quarter
    FROM "Rating" rt JOIN "Team" t ON t.id = rt."teamId"
    WHERE ${FINAL_QUARTERLY} AND ${regionFilter(scope, Prisma.sql`t."regionId"`)}
    ORDER BY rt.quarter DESC`;
  return rows.map((row) => row.quarter).filter(isQuarter);
}

/** The high-performing table for one quarter: every region in scope, rated or not. */
export async function getRegionalTable(actor: Actor, quarter: Quarter): Promise<RegionalTable> {
  const scope = rollupScopeOrThrow(actor);
  const rows = await prisma.$queryRaw<Omit<RegionRow, "percent">[]>`
    SELECT r.id AS "regionId", r.name, r.slug, r."membersServed",
           count(t.id) FILTER (WHERE t.active AND t."charteredQuarter" <= ${quarter})::int AS teams,
           count(rt.id)::int AS rated,
           count(rt.id) FILTER (WHERE rt.level >= ${HIGH_PERFORMING_MIN_LEVEL})::int AS "highPerforming"
    FROM "Region" r
    LEFT JOIN "Team" t ON t."regionId" = r.id
    LEFT JOIN "Rating" rt ON rt."teamId" = t.id AND rt.quarter = ${quarter} AND ${FINAL_QUARTERLY}
    WHERE ${regionFilter(scope, Prisma.sql`r.id`)}
    GROUP BY r.id
    ORDER BY r."sortOrder", r.name`;
  const withPercent = rows.map((row) => ({ ...row, percent: highPerformingPercent(row.highPerforming, row.rated) }));
  const teams = withPercent.reduce((sum, row) => sum + row.teams, 0);
  return { quarter, rows: withPercent, total: { teams, ...totalCounts(withPercent) } };
}

/** Every region's high-performing share for every quarter with final ratings, oldest first. */
export async function getHighPerformingTrend(actor: Actor): Promise<TrendPoint[]> {
  const scope = rollupScopeOrThrow(actor);
  const rows = await prisma.$queryRaw<{ quarter: string; regionId: string; rated: number; highPerforming: number }[]>`
    SELECT rt.quarter, t."regionId",
           count(*)::int AS rated,
           count(*) FILTER (WHERE rt.level >= ${HIGH_PERFORMING_MIN_LEVEL})::int AS "highPerforming"
    FROM "Rating" rt JOIN "Team" t ON t.id = rt."teamId"
    WHERE ${FINAL_QUARTERLY} AND ${regionFilter(scope, Prisma.sql`t."regionId"`)}
    GROUP BY rt.quarter, t."regionId"
    ORDER BY rt.quarter`;
  return rows
    .filter((row): row is typeof row & { quarter: Quarter } => isQuarter(row.quarter))
    .map((row) => ({ ...row, percent: highPerformingPercent(row.highPerforming, row.rated) }));
}

/** One row per quarter with each region's percent under its id, as the trend chart wants it. */
export function trendRowsByQuarter(points: readonly TrendPoint[]): ({ quarter: Quarter } & Record<string, number | null>)[] {
  const byQuarter = new Map<Quarter, { quarter: Quarter } & Record<string, number | null>>();
  for (const point of points) {
    const row = byQuarter.get(point.quarter) ?? ({ quarter: point.quarter } as { quarter: Quarter } & Record<string, number | null>);
    row[point.regionId] = point.percent;
    byQuarter.set(point.quarter, row);
  }
  return [...byQuarter.values()];
}
