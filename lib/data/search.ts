import "server-only";
import { isEmptyScope, scopeFor, type Actor, type Scope } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { currentRolesOf, placedInRegions, type CurrentRole } from "@/lib/data/people";
import { escapeLikePattern } from "@/lib/data/sql";
import { teamsInScopeSql } from "@/lib/data/teams";
import { Prisma } from "@/lib/generated/prisma/client";
import { todayUtc } from "@/lib/validation/dates";

// The header's search: teams, projects and people in the actor's scope, tolerant of typos
// and partial words. pg_trgm's word similarity (`q <% text`: the query is close to some
// stretch of the text, above pg_trgm.word_similarity_threshold, 0.6 by default) finds
// "Curiers" in "Colorado Couriers" and "Mari" in "Marisol Vega"; a plain substring match
// catches short queries and codes. Both are served by trigram indexes. Team names and project
// titles have GiST ones, which return rows nearest first (`q <<-> text`, one minus the word
// similarity), so a common word costs the ten nearest rows: ranking every match of "medical"
// (55,000 titles at ten times the partnership) took 2.3 s.

/** Each kind shows at most this many, best first: a search is for finding, the directories are for browsing. */
export const SEARCH_RESULTS_PER_KIND = 10;

/** Shorter queries have too few trigrams to mean anything. */
export const SEARCH_MIN_LENGTH = 2;

export type TeamHit = { id: string; code: string; name: string; regionName: string };
export type ProjectHit = { id: string; title: string; teamCode: string; teamName: string };
export type PersonHit = { id: string; displayName: string; currentRoles: CurrentRole[] };

/** `people` is null for someone who may not see the people directory (the page then says nothing about people). */
export type SearchResults = { teams: TeamHit[]; projects: ProjectHit[]; people: PersonHit[] | null };

export async function searchEverything(actor: Actor, query: string, today: Date = todayUtc()): Promise<SearchResults> {
  const q = query.trim();
  const teamScope = scopeFor(actor, "team.view");
  const peopleScope = scopeFor(actor, "people.view");
  const mayFindPeople = !isEmptyScope(peopleScope);
  if (q.length < SEARCH_MIN_LENGTH) return { teams: [], projects: [], people: mayFindPeople ? [] : null };

  const pattern = `%${escapeLikePattern(q)}%`;
  const teamsReached = teamsInScopeSql(teamScope, { regionId: Prisma.sql`t."regionId"`, teamId: Prisma.sql`t.id` });
  // By the project's own team id, so a co-lead's search reads their teams' projects by index.
  const projectsReached = teamsInScopeSql(teamScope, { regionId: Prisma.sql`t."regionId"`, teamId: Prisma.sql`p."teamId"` });
  const [teams, projects, people] = await Promise.all([
    prisma.$queryRaw<TeamHit[]>`
      WITH candidates AS (
        (SELECT t.id FROM "Team" t WHERE t.code ILIKE ${pattern} AND ${teamsReached} ORDER BY t.name, t.code LIMIT ${SEARCH_RESULTS_PER_KIND})
        UNION ${nearestMatches({ from: Prisma.sql`"Team" t`, id: Prisma.sql`t.id`, column: Prisma.sql`t.name` }, teamsReached, q, pattern)})
      SELECT t.id, t.code, t.name, r.name AS "regionName"
      FROM candidates c JOIN "Team" t ON t.id = c.id JOIN "Region" r ON r.id = t."regionId"
      ORDER BY least(${q} <<-> t.name, CASE WHEN t.code ILIKE ${pattern} THEN 0 ELSE 1 END), t.name, t.code
      LIMIT ${SEARCH_RESULTS_PER_KIND}`,
    prisma.$queryRaw<ProjectHit[]>`
      WITH candidates AS (${nearestMatches(
          { from: Prisma.sql`"Project" p JOIN "Team" t ON t.id = p."teamId"`, id: Prisma.sql`p.id`, column: Prisma.sql`p.title` },
          projectsReached,
          q,
          pattern,
        )})
      SELECT p.id, p.title, t.code AS "teamCode", t.name AS "teamName"
      FROM candidates c JOIN "Project" p ON p.id = c.id JOIN "Team" t ON t.id = p."teamId"
      ORDER BY ${q} <<-> p.title, p.title, p.id
      LIMIT ${SEARCH_RESULTS_PER_KIND}`,
    mayFindPeople ? findPeople(q, pattern, peopleScope) : null,
  ]);
  if (!people) return { teams, projects, people: null };
  const roles = await currentRolesOf(
    people.map((person) => person.id),
    today,
  );
  return { teams, projects, people: people.map((person) => ({ ...person, currentRoles: roles.get(person.id) ?? [] })) };
}

/**
 * The ids of the rows of `from` nearest to `q` by word similarity of `column`, among those
 * similar enough or containing `q`: the ten nearest of each kind of match, each read from the
 * GiST trigram index nearest first, hold the ten nearest of both. (Among rows equally near,
 * which ones make the ten is the index's order; the caller sorts those it gets by name.)
 */
function nearestMatches(
  { from, id, column }: { from: Prisma.Sql; id: Prisma.Sql; column: Prisma.Sql },
  reached: Prisma.Sql,
  q: string,
  pattern: string,
): Prisma.Sql {
  return Prisma.sql`
    (SELECT ${id} FROM ${from} WHERE ${q} <% ${column} AND ${reached} ORDER BY ${q} <<-> ${column} LIMIT ${SEARCH_RESULTS_PER_KIND})
    UNION
    (SELECT ${id} FROM ${from} WHERE ${column} ILIKE ${pattern} AND ${reached} ORDER BY ${q} <<-> ${column} LIMIT ${SEARCH_RESULTS_PER_KIND})`;
}

/** People have no GiST index: a name matches few people, so ranking every match stays cheap. */
async function findPeople(q: string, pattern: string, peopleScope: Scope): Promise<{ id: string; displayName: string }[]> {
  return prisma.$transaction(async (tx) => {
    // pg_trgm declares its functions as cheap as an addition, so on a table of wide rows the
    // planner may prefer running word_similarity on every row to the trigram index.
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    return tx.$queryRaw<{ id: string; displayName: string }[]>`
      SELECT p.id, p."displayName"
      FROM "Person" p
      WHERE (${q} <% p."displayName" OR p."displayName" ILIKE ${pattern})
        AND ${peopleScope.all ? Prisma.sql`TRUE` : placedInRegions(peopleScope.regionIds)}
      ORDER BY word_similarity(${q}, p."displayName") DESC, p."displayName", p.id
      LIMIT ${SEARCH_RESULTS_PER_KIND}`;
  });
}
