import "server-only";
import { isEmptyScope, scopeFor, type Actor } from "@/lib/auth/permissions";
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
// catches short queries and codes. Both are served by the GIN trigram indexes, so a search
// reads a handful of index pages rather than every team, project or person.

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
  const [teams, projects, people] = await prisma.$transaction(async (tx) => {
    // pg_trgm declares its functions as cheap as an addition, so on a table of wide rows the
    // planner may prefer running word_similarity on every row to the trigram index: 1.2 s
    // against 35 ms for 54,000 projects. Sequential scans are off for these three queries only.
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    const teams = await tx.$queryRaw<TeamHit[]>`
      SELECT t.id, t.code, t.name, r.name AS "regionName"
      FROM "Team" t JOIN "Region" r ON r.id = t."regionId"
      WHERE (${q} <% t.name OR t.name ILIKE ${pattern} OR t.code ILIKE ${pattern}) AND ${teamsReached}
      ORDER BY greatest(word_similarity(${q}, t.name), CASE WHEN t.code ILIKE ${pattern} THEN 1 ELSE 0 END) DESC, t.name, t.code
      LIMIT ${SEARCH_RESULTS_PER_KIND}`;
    const projects = await tx.$queryRaw<ProjectHit[]>`
      SELECT p.id, p.title, t.code AS "teamCode", t.name AS "teamName"
      FROM "Project" p JOIN "Team" t ON t.id = p."teamId"
      WHERE (${q} <% p.title OR p.title ILIKE ${pattern}) AND ${teamsReached}
      ORDER BY word_similarity(${q}, p.title) DESC, p.title, p.id
      LIMIT ${SEARCH_RESULTS_PER_KIND}`;
    const people = mayFindPeople
      ? await tx.$queryRaw<{ id: string; displayName: string }[]>`
          SELECT p.id, p."displayName"
          FROM "Person" p
          WHERE (${q} <% p."displayName" OR p."displayName" ILIKE ${pattern})
            AND ${peopleScope.all ? Prisma.sql`TRUE` : placedInRegions(peopleScope.regionIds)}
          ORDER BY word_similarity(${q}, p."displayName") DESC, p."displayName", p.id
          LIMIT ${SEARCH_RESULTS_PER_KIND}`
      : null;
    return [teams, projects, people] as const;
  });
  if (!people) return { teams, projects, people: null };
  const roles = await currentRolesOf(
    people.map((person) => person.id),
    today,
  );
  return { teams, projects, people: people.map((person) => ({ ...person, currentRoles: roles.get(person.id) ?? [] })) };
}
