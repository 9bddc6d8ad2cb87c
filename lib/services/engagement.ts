import "server-only";
import { prisma } from "@/lib/db";
import { addQuarters, currentQuarter } from "@/lib/domain/quarter";

const TEAMS_PER_REFRESH = 200;

/**
 * Extends the engagement pre-aggregate to two quarters ahead for the teams it stops short of:
 * a write to a team recomputes its rows that far (migration team_quarter_engagement), so
 * only teams untouched since a quarter began need it. Run daily; returns the teams extended.
 */
export async function extendEngagementAhead(now: Date = new Date()): Promise<number> {
  const ahead = addQuarters(currentQuarter(now), 2);
  const teams = await prisma.$queryRaw<{ teamId: string }[]>`
    SELECT DISTINCT m."teamId" FROM "TeamMember" m
    WHERE NOT EXISTS (SELECT 1 FROM "TeamQuarterEngagement" e WHERE e."teamId" = m."teamId" AND e.quarter = ${ahead})`;
  for (let start = 0; start < teams.length; start += TEAMS_PER_REFRESH) {
    const ids = teams.slice(start, start + TEAMS_PER_REFRESH).map((team) => team.teamId);
    await prisma.$executeRaw`SELECT "team_engagement_refresh"(${ids}::uuid[])`;
  }
  return teams.length;
}
