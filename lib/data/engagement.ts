import "server-only";
import { assertCan, scopeOrRefuse, type Actor } from "@/lib/auth/permissions";
import { placeFilter, type OverviewPlace } from "@/lib/data/regional-rollup";
import { finalQuarterly, teamOperatesIn } from "@/lib/data/sql";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { engagementShare, type Engagement } from "@/lib/domain/engagement";
import { addQuarters, quarterRange, type Quarter } from "@/lib/domain/quarter";
import { Prisma } from "@/lib/generated/prisma/client";
import { cachedFigures } from "@/lib/data/figures-cache";

export type QuarterEngagement = Engagement & { quarter: Quarter };

/** How many quarters the team page shows: this one and the seven before. */
export const TEAM_ENGAGEMENT_QUARTERS = 8;

/** A team's engagement in `through` and the quarters before it, oldest first, for whoever may see the team. */
export async function getTeamEngagement(actor: Actor, teamId: string, through: Quarter, count = TEAM_ENGAGEMENT_QUARTERS): Promise<QuarterEngagement[]> {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", team);
  const quarters = quarterRange(addQuarters(through, 1 - count), through);
  const rows = await prisma.teamQuarterEngagement.findMany({ where: { teamId: team.teamId, quarter: { in: quarters } }, select: { quarter: true, members: true, engaged: true } });
  const byQuarter = new Map(rows.map((row) => [row.quarter, row]));
  return quarters.map((quarter) => {
    const row = byQuarter.get(quarter);
    return { quarter, ...engagementShare(row?.engaged ?? 0, row?.members ?? 0) };
  });
}

/** One cell of the overview's engagement table: a region's teams at one final level (null: not rated in the quarter). */
export type EngagementCell = Engagement & { regionId: string; regionName: string; level: number | null; teams: number };

/** Kept per figures' version (lib/data/figures-cache.ts); `.uncached` computes afresh. */
export const getEngagementByRegionAndLevel = cachedFigures("getEngagementByRegionAndLevel", computeEngagementByRegionAndLevel);

/**
 * Engagement in the quarter per region and final level, summed in SQL (from the
 * TeamQuarterEngagement pre-aggregate) over the
 * operating teams in the actor's scope and the chosen place: the share is of
 * roster members (engaged ÷ members across the teams), never an average of
 * team shares.
 */
async function computeEngagementByRegionAndLevel(actor: Actor, quarter: Quarter, place: OverviewPlace): Promise<EngagementCell[]> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const teams = Prisma.sql`${placeFilter(scope, place)} AND ${teamOperatesIn("t", quarter)}`;
  const rows = await prisma.$queryRaw<{ regionId: string; regionName: string; level: number | null; teams: number; members: number; engaged: number }[]>`
    SELECT r.id AS "regionId", r.name AS "regionName", rt.level,
           count(t.id)::int AS teams,
           coalesce(sum(e.members), 0)::int AS members,
           coalesce(sum(e.engaged), 0)::int AS engaged
    FROM "Team" t JOIN "Department" d ON d.id = t."departmentId"
    JOIN "Region" r ON r.id = t."regionId"
    LEFT JOIN "Rating" rt ON rt."teamId" = t.id AND rt.quarter = ${quarter} AND ${finalQuarterly("rt")}
    LEFT JOIN "TeamQuarterEngagement" e ON e."teamId" = t.id AND e.quarter = ${quarter}
    WHERE ${teams}
    GROUP BY r.id, rt.level
    ORDER BY r."sortOrder", r.name, rt.level NULLS LAST`;
  return rows.map(({ members, engaged, ...cell }) => ({ ...cell, ...engagementShare(engaged, members) }));
}
