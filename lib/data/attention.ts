import "server-only";
import { scopeOrRefuse, type Actor } from "@/lib/auth/permissions";
import { movementTeamsSql, type MovementTeam } from "@/lib/data/movement";
import { regionFilter } from "@/lib/data/regional-rollup";
import { finalQuarterly, teamOperatesIn } from "@/lib/data/sql";
import { prisma, replica } from "@/lib/db";
import { levelChange, type MovedTeam } from "@/lib/domain/movement";
import { daysLeftInQuarter, STUCK_QUARTERS } from "@/lib/domain/overview";
import { LEVELS } from "@/lib/domain/path-to-performance";
import { OPEN_STATUSES, staleBefore } from "@/lib/domain/projects";
import { addQuarters, currentQuarter, isQuarter, quarterRange, type Quarter } from "@/lib/domain/quarter";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";

/** How many quarters back a "stuck" run is traced; runs are shown as "at least" this long beyond it. */
export const STUCK_LOOKBACK_QUARTERS = 12;

/** Lists on the attention page stop here by default; the counts are always complete. */
export const ATTENTION_LIST_LIMIT = 50;

export type AttentionTeam = { teamId: string; code: string; name: string; regionName: string };
export type StuckTeam = AttentionTeam & { level: number; quarters: number; lookbackReached: boolean };
export type StaleProject = { projectId: string; title: string; status: ProjectStatus; lastActivityAt: Date; teamId: string; teamCode: string; teamName: string };
export type Listed<T> = { count: number; items: T[] };

export type TeamsNeedingAttention = {
  /** The latest closed quarter with final ratings in scope (the open one is still being rated): stuck and moved-down are judged on it. */
  ratedQuarter: Quarter | null;
  stuck: Listed<StuckTeam>;
  movedDown: Listed<MovedTeam<MovementTeam>>;
  staleProjects: Listed<StaleProject>;
  notStarted: { quarter: Quarter; daysLeft: number; near: boolean } & Listed<AttentionTeam>;
};

function listed<T>(items: T[], limit: number): Listed<T> {
  return { count: items.length, items: items.slice(0, limit) };
}

/** The first `limit` rows of a query in its order, and how many it has: one pass, counted in the database rather than shipped to be counted. */
async function listedQuery<T>(select: Prisma.Sql, order: Prisma.Sql, limit: number): Promise<Listed<T>> {
  const rows = await replica().$queryRaw<(T & { listedCount: number })[]>`
    SELECT *, count(*) OVER ()::int AS "listedCount" FROM (${select}) AS listed
    ORDER BY ${order} ${Number.isFinite(limit) ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`;
  return { count: rows[0]?.listedCount ?? 0, items: rows.map(({ listedCount: _count, ...item }) => item as T) };
}

/**
 * The consultant's worklist for the regions they cover: teams stuck at one
 * level, teams that moved down, open projects breaking the 90-day rule, and
 * teams whose rating for the current quarter has not been started.
 */
export async function getTeamsNeedingAttention(actor: Actor, now: Date = new Date(), { limit = ATTENTION_LIST_LIMIT } = {}): Promise<TeamsNeedingAttention> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const inScope = regionFilter(scope, Prisma.sql`t."regionId"`);
  const regions = await prisma.region.findMany({ where: scope.all ? {} : { id: { in: scope.regionIds } }, select: { id: true, name: true } });
  const regionIds = regions.map((region) => region.id);
  const regionNames = new Map(regions.map((region) => [region.id, region.name]));

  // The pre-aggregate answers this without reading the rating history.
  const [latest] = await replica().$queryRaw<{ quarter: string }[]>`
    SELECT max(c.quarter) AS quarter FROM "FinalRatingCount" c
    WHERE c.teams > 0 AND ${regionFilter(scope, Prisma.sql`c."regionId"`)} AND c.quarter < ${currentQuarter(now)}`;
  const ratedQuarter = latest?.quarter && isQuarter(latest.quarter) ? latest.quarter : null;

  const [stuck, movedDown, staleProjects, notStarted] = await Promise.all([
    ratedQuarter ? stuckTeams(inScope, ratedQuarter, regionNames, limit) : listed([], limit),
    ratedQuarter ? teamsThatMovedDown(regionIds, ratedQuarter, limit) : listed([], limit),
    // The teams in scope as an array, so the (teamId, status) index reads only their open
    // projects: joined instead, the planner scanned every project (1.6 s for a region at N=10).
    listedQuery<StaleProject>(
      Prisma.sql`
        SELECT p.id AS "projectId", p.title, p.status::text AS status, p."lastActivityAt", t.id AS "teamId", t.code AS "teamCode", t.name AS "teamName"
        FROM "Project" p JOIN "Team" t ON t.id = p."teamId"
        WHERE p."teamId" = ANY(ARRAY(SELECT t.id FROM "Team" t WHERE ${inScope}))
          AND p.status = ANY(${[...OPEN_STATUSES]}::"ProjectStatus"[]) AND p."lastActivityAt" < ${staleBefore(now)}`,
      Prisma.sql`"lastActivityAt", title, "projectId"`,
      limit,
    ),
    notStartedTeams(inScope, now, regionNames, limit),
  ]);
  return { ratedQuarter, stuck, movedDown, staleProjects, notStarted };
}

/** Teams whose final level in `quarter` is below the one before, by code. */
async function teamsThatMovedDown(regionIds: string[], quarter: Quarter, limit: number): Promise<Listed<MovedTeam<MovementTeam>>> {
  const { count, items } = await listedQuery<MovementTeam & { previousLevel: number; level: number }>(
    movementTeamsSql(regionIds, quarter, null, Prisma.sql`later.level < earlier.level`),
    Prisma.sql`code`,
    limit,
  );
  return { count, items: items.map((team) => ({ ...team, change: levelChange(team.previousLevel, team.level) })) };
}

/**
 * Teams whose final level, below the top, has been the same for STUCK_QUARTERS or more
 * consecutive quarters up to `ratedQuarter` (a quarter without a final rating breaks the
 * run), longest first. Counted in the database: a team's run is how many of the quarters,
 * newest first, match its latest level before the first that does not.
 */
async function stuckTeams(inScope: Prisma.Sql, ratedQuarter: Quarter, regionNames: Map<string, string>, limit: number): Promise<Listed<StuckTeam>> {
  const quarters = quarterRange(addQuarters(ratedQuarter, 1 - STUCK_LOOKBACK_QUARTERS), ratedQuarter).reverse();
  const { count, items } = await listedQuery<Omit<StuckTeam, "regionName" | "lookbackReached"> & { regionId: string }>(
    Prisma.sql`
      SELECT run."teamId", run.code, run.name, run."regionId", run.level, run.quarters
      FROM (
        SELECT same."teamId", same.code, same.name, same."regionId", same.level, count(*) FILTER (WHERE same.n = same.rank)::int AS quarters
        FROM (
          SELECT t.id AS "teamId", t.code, t.name, t."regionId", latest.level, q.n,
                 row_number() OVER (PARTITION BY t.id ORDER BY q.n) AS rank
          FROM "Team" t
          JOIN "Rating" latest ON latest."teamId" = t.id AND latest.quarter = ${ratedQuarter} AND ${finalQuarterly("latest")} AND latest.level < ${LEVELS.length}
          JOIN "Rating" rt ON rt."teamId" = t.id AND rt.quarter = ANY(${quarters}::text[]) AND ${finalQuarterly("rt")} AND rt.level = latest.level
          JOIN unnest(${quarters}::text[]) WITH ORDINALITY AS q(quarter, n) ON q.quarter = rt.quarter
          WHERE ${inScope} AND ${teamOperatesIn("t", ratedQuarter)}
        ) same
        GROUP BY same."teamId", same.code, same.name, same."regionId", same.level
      ) run
      WHERE run.quarters >= ${STUCK_QUARTERS}`,
    Prisma.sql`quarters DESC, code`,
    limit,
  );
  return {
    count,
    items: items.map(({ regionId, ...team }) => ({ ...team, regionName: regionNames.get(regionId) ?? "", lookbackReached: team.quarters === quarters.length })),
  };
}

async function notStartedTeams(inScope: Prisma.Sql, now: Date, regionNames: Map<string, string>, limit: number): Promise<TeamsNeedingAttention["notStarted"]> {
  const { quarter, days, near } = daysLeftInQuarter(now);
  const { count, items } = await listedQuery<Omit<AttentionTeam, "regionName"> & { regionId: string }>(
    Prisma.sql`
      SELECT t.id AS "teamId", t.code, t.name, t."regionId"
      FROM "Team" t
      WHERE ${inScope} AND ${teamOperatesIn("t", quarter)}
        AND NOT EXISTS (SELECT 1 FROM "Rating" rt WHERE rt."teamId" = t.id AND rt.quarter = ${quarter} AND rt.kind = 'QUARTERLY')`,
    Prisma.sql`code`,
    limit,
  );
  const teams = items.map(({ regionId, ...team }) => ({ ...team, regionName: regionNames.get(regionId) ?? "" }));
  return { quarter, daysLeft: days, near, count, items: teams };
}
