import "server-only";
import { scopeOrRefuse, type Actor } from "@/lib/auth/permissions";
import { movementTeamsSql, type MovementTeam } from "@/lib/data/movement";
import { regionFilter } from "@/lib/data/regional-rollup";
import { finalQuarterly, teamOperatesIn } from "@/lib/data/sql";
import { prisma } from "@/lib/db";
import { levelChange, type MovedTeam } from "@/lib/domain/movement";
import { daysLeftInQuarter, isStuck, sameLevelRun } from "@/lib/domain/overview";
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

/** The first `limit` rows of a query in its order, and how many it has, counted in the database rather than shipped to be counted. */
async function listedQuery<T>(select: Prisma.Sql, order: Prisma.Sql, limit: number): Promise<Listed<T>> {
  const [items, [counted]] = await Promise.all([
    prisma.$queryRaw<T[]>`${select} ORDER BY ${order} ${Number.isFinite(limit) ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`,
    prisma.$queryRaw<[{ count: number }]>`SELECT count(*)::int AS count FROM (${select}) AS listed`,
  ]);
  return { count: counted!.count, items };
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
  const [latest] = await prisma.$queryRaw<{ quarter: string }[]>`
    SELECT max(c.quarter) AS quarter FROM "FinalRatingCount" c
    WHERE c.teams > 0 AND ${regionFilter(scope, Prisma.sql`c."regionId"`)} AND c.quarter < ${currentQuarter(now)}`;
  const ratedQuarter = latest?.quarter && isQuarter(latest.quarter) ? latest.quarter : null;

  const [stuck, movedDown, staleProjects, notStarted] = await Promise.all([
    ratedQuarter ? stuckTeams(inScope, ratedQuarter, regionNames).then((teams) => listed(teams, limit)) : listed([], limit),
    ratedQuarter ? teamsThatMovedDown(regionIds, ratedQuarter, limit) : listed([], limit),
    listedQuery<StaleProject>(
      Prisma.sql`
        SELECT p.id AS "projectId", p.title, p.status::text AS status, p."lastActivityAt", t.id AS "teamId", t.code AS "teamCode", t.name AS "teamName"
        FROM "Project" p JOIN "Team" t ON t.id = p."teamId"
        WHERE ${inScope} AND p.status::text = ANY(${[...OPEN_STATUSES]}) AND p."lastActivityAt" < ${staleBefore(now)}`,
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

async function stuckTeams(inScope: Prisma.Sql, ratedQuarter: Quarter, regionNames: Map<string, string>): Promise<StuckTeam[]> {
  const from = addQuarters(ratedQuarter, 1 - STUCK_LOOKBACK_QUARTERS);
  const rows = await prisma.$queryRaw<{ teamId: string; code: string; name: string; regionId: string; quarter: Quarter; level: number | null }[]>`
    SELECT t.id AS "teamId", t.code, t.name, t."regionId", rt.quarter, rt.level
    FROM "Team" t JOIN "Rating" rt ON rt."teamId" = t.id
    WHERE ${inScope} AND ${teamOperatesIn("t", ratedQuarter)} AND ${finalQuarterly("rt")} AND rt.quarter BETWEEN ${from} AND ${ratedQuarter}
    ORDER BY t.code`;
  const quarters = quarterRange(from, ratedQuarter).reverse();
  const byTeam = new Map<string, { team: (typeof rows)[number]; levels: Map<Quarter, number | null> }>();
  for (const row of rows) {
    const entry = byTeam.get(row.teamId) ?? { team: row, levels: new Map() };
    entry.levels.set(row.quarter, row.level);
    byTeam.set(row.teamId, entry);
  }
  return [...byTeam.values()].flatMap(({ team, levels }) => {
    const run = sameLevelRun(quarters.map((quarter) => (levels.has(quarter) ? levels.get(quarter)! : null)));
    if (!isStuck(run)) return [];
    const { teamId, code, name, regionId } = team;
    return [{ teamId, code, name, regionName: regionNames.get(regionId) ?? "", level: run!.level, quarters: run!.quarters, lookbackReached: run!.quarters === quarters.length }];
  }).sort((a, b) => b.quarters - a.quarters || a.code.localeCompare(b.code));
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
