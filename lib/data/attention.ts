import "server-only";
import { scopeOrRefuse, type Actor } from "@/lib/auth/permissions";
import { movementTeamsSql, type MovementTeam } from "@/lib/data/movement";
import { regionFilter } from "@/lib/data/regional-rollup";
import { finalQuarterly, teamOperatesIn } from "@/lib/data/sql";
import { readInPages } from "@/lib/data/pages";
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

/**
 * One attention list as SQL: its rows (`select`), their order as a row of columns ending on
 * a unique one (`order`, so keyset pages neither overlap nor skip), the order's values for a
 * row (`keyOf`) and the row as the list shows it (`toItem`).
 */
type ListQuery<Row, Item> = { select: Prisma.Sql; order: Prisma.Sql; keyOf: (row: Row) => unknown[]; toItem: (row: Row) => Item };

/** The first `limit` rows of a list in its order, and how many it has: one pass, counted in the database rather than shipped to be counted. */
async function firstOfList<Row, Item>(list: ListQuery<Row, Item> | null, limit: number): Promise<Listed<Item>> {
  if (!list) return { count: 0, items: [] };
  const rows = await replica().$queryRaw<(Row & { listedCount: number })[]>`
    SELECT *, count(*) OVER ()::int AS "listedCount" FROM (${list.select}) AS listed
    ORDER BY ${list.order} ${Number.isFinite(limit) ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`;
  return { count: rows[0]?.listedCount ?? 0, items: rows.map(({ listedCount: _count, ...row }) => list.toItem(row as Row)) };
}

/** The whole list, a page at a time after the last row's key (lib/data/pages.ts). */
async function* listInPages<Row, Item, R>(list: ListQuery<Row, Item> | null, toRow: (item: Item) => R): AsyncGenerator<R[]> {
  if (!list) return;
  yield* readInPages(
    (after: unknown[] | undefined, take) =>
      replica().$queryRaw<Row[]>`
        SELECT * FROM (${list.select}) AS listed
        WHERE ${after ? Prisma.sql`(${list.order}) > (${Prisma.join(after)})` : Prisma.sql`TRUE`}
        ORDER BY ${list.order} LIMIT ${take}`,
    list.keyOf,
    (row) => toRow(list.toItem(row)),
  );
}

export type AttentionLists = { stuck: StuckTeam; "moved-down": MovedTeam<MovementTeam>; "stale-projects": StaleProject; "not-started": AttentionTeam };
export type AttentionListId = keyof AttentionLists;

/** The lists' ids, as URLs name them; `satisfies` keeps them the keys of AttentionLists. */
const ATTENTION_LIST_IDS = ["stuck", "moved-down", "stale-projects", "not-started"] as const satisfies readonly AttentionListId[];

export function isAttentionList(id: string): id is AttentionListId {
  return (ATTENTION_LIST_IDS as readonly string[]).includes(id);
}

type AttentionQueries = { [K in AttentionListId]: ListQuery<never, AttentionLists[K]> | null };

/** The four lists for the actor's regions; stuck and moved-down are null until a closed quarter has final ratings. */
async function attentionQueries(actor: Actor, now: Date): Promise<{ ratedQuarter: Quarter | null; queries: AttentionQueries }> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const inScope = regionFilter(scope, Prisma.sql`t."regionId"`);
  const regions = await prisma.region.findMany({ where: scope.all ? {} : { id: { in: scope.regionIds } }, select: { id: true, name: true } });
  const regionNames = new Map(regions.map((region) => [region.id, region.name]));

  // The pre-aggregate answers this without reading the rating history.
  const [latest] = await replica().$queryRaw<{ quarter: string }[]>`
    SELECT max(c.quarter) AS quarter FROM "FinalRatingCount" c
    WHERE c.teams > 0 AND ${regionFilter(scope, Prisma.sql`c."regionId"`)} AND c.quarter < ${currentQuarter(now)}`;
  const ratedQuarter = latest?.quarter && isQuarter(latest.quarter) ? latest.quarter : null;
  const queries: AttentionQueries = {
    stuck: ratedQuarter ? stuckTeams(inScope, ratedQuarter, regionNames) : null,
    "moved-down": ratedQuarter ? teamsThatMovedDown(regions.map((region) => region.id), ratedQuarter) : null,
    "stale-projects": staleProjects(inScope, now),
    "not-started": notStartedTeams(inScope, now, regionNames),
  };
  return { ratedQuarter, queries };
}

/**
 * The consultant's worklist for the regions they cover: teams stuck at one
 * level, teams that moved down, open projects breaking the 90-day rule, and
 * teams whose rating for the current quarter has not been started.
 */
export async function getTeamsNeedingAttention(actor: Actor, now: Date = new Date(), { limit = ATTENTION_LIST_LIMIT } = {}): Promise<TeamsNeedingAttention> {
  const { ratedQuarter, queries } = await attentionQueries(actor, now);
  const [stuck, movedDown, stale, notStarted] = await Promise.all([
    firstOfList(queries.stuck, limit),
    firstOfList(queries["moved-down"], limit),
    firstOfList(queries["stale-projects"], limit),
    firstOfList(queries["not-started"], limit),
  ]);
  const { quarter, days, near } = daysLeftInQuarter(now);
  return { ratedQuarter, stuck, movedDown, staleProjects: stale, notStarted: { quarter, daysLeft: days, near, ...notStarted } };
}

/** One list, complete, a page at a time, each item mapped by `toRow`: what its CSV holds (tens of thousands of rows for a region at scale). */
export async function readAttentionList<K extends AttentionListId, R>(actor: Actor, id: K, toRow: (item: AttentionLists[K]) => R, now: Date = new Date()): Promise<AsyncIterable<R[]>> {
  const { queries } = await attentionQueries(actor, now);
  return listInPages<never, AttentionLists[K], R>(queries[id], toRow);
}

/** Teams whose final level in `quarter` is below the one before, by code. */
function teamsThatMovedDown(regionIds: string[], quarter: Quarter): ListQuery<MovementTeam & { previousLevel: number; level: number }, MovedTeam<MovementTeam>> {
  return {
    select: movementTeamsSql(regionIds, quarter, null, Prisma.sql`later.level < earlier.level`),
    order: Prisma.sql`code`,
    keyOf: (team) => [team.code],
    toItem: (team) => ({ ...team, change: levelChange(team.previousLevel, team.level) }),
  };
}

/**
 * Teams whose final level, below the top, has been the same for STUCK_QUARTERS or more
 * consecutive quarters up to `ratedQuarter` (a quarter without a final rating breaks the
 * run), longest first. Counted in the database: a team's run is how many of the quarters,
 * newest first, match its latest level before the first that does not.
 */
function stuckTeams(inScope: Prisma.Sql, ratedQuarter: Quarter, regionNames: Map<string, string>): ListQuery<Omit<StuckTeam, "regionName" | "lookbackReached"> & { regionId: string }, StuckTeam> {
  const quarters = quarterRange(addQuarters(ratedQuarter, 1 - STUCK_LOOKBACK_QUARTERS), ratedQuarter).reverse();
  return {
    select: Prisma.sql`
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
    // Longest first: the run negated, so the order is one ascending row for keyset pages.
    order: Prisma.sql`-quarters, code`,
    keyOf: (team) => [-team.quarters, team.code],
    toItem: ({ regionId, ...team }) => ({ ...team, regionName: regionNames.get(regionId) ?? "", lookbackReached: team.quarters === quarters.length }),
  };
}

/** Open projects of the teams in scope without an update for more than 90 days, the longest-silent first. */
function staleProjects(inScope: Prisma.Sql, now: Date): ListQuery<StaleProject, StaleProject> {
  return {
    // The teams in scope as an array, so the (teamId, status) index reads only their open
    // projects: joined instead, the planner scanned every project (1.6 s for a region at N=10).
    select: Prisma.sql`
      SELECT p.id AS "projectId", p.title, p.status::text AS status, p."lastActivityAt", t.id AS "teamId", t.code AS "teamCode", t.name AS "teamName"
      FROM "Project" p JOIN "Team" t ON t.id = p."teamId"
      WHERE p."teamId" = ANY(ARRAY(SELECT t.id FROM "Team" t WHERE ${inScope}))
        AND p.status = ANY(${[...OPEN_STATUSES]}::"ProjectStatus"[]) AND p."lastActivityAt" < ${staleBefore(now)}`,
    order: Prisma.sql`"lastActivityAt", title, "projectId"`,
    keyOf: (project) => [project.lastActivityAt, project.title, project.projectId],
    toItem: (project) => project,
  };
}

/** Teams operating this quarter whose quarterly rating has not been started, by code. */
function notStartedTeams(inScope: Prisma.Sql, now: Date, regionNames: Map<string, string>): ListQuery<Omit<AttentionTeam, "regionName"> & { regionId: string }, AttentionTeam> {
  const { quarter } = daysLeftInQuarter(now);
  return {
    select: Prisma.sql`
      SELECT t.id AS "teamId", t.code, t.name, t."regionId"
      FROM "Team" t
      WHERE ${inScope} AND ${teamOperatesIn("t", quarter)}
        AND NOT EXISTS (SELECT 1 FROM "Rating" rt WHERE rt."teamId" = t.id AND rt.quarter = ${quarter} AND rt.kind = 'QUARTERLY')`,
    order: Prisma.sql`code`,
    keyOf: (team) => [team.code],
    toItem: ({ regionId, ...team }) => ({ ...team, regionName: regionNames.get(regionId) ?? "" }),
  };
}
