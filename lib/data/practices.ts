import "server-only";
import { isEmptyScope, scopeFor, type Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { escapeLikePattern } from "@/lib/data/sql";
import { COMPLETED_STATUSES } from "@/lib/domain/projects";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CompassPoint, DepartmentType } from "@/lib/generated/prisma/enums";
import { pageCount } from "@/lib/validation/paging";
import type { PracticeFilters } from "@/lib/validation/practices";

// The practice library is open to every signed-in user: spreading practices across the
// organisation is the point. So it returns only what a practice shows to everyone —
// title, aim, compass points, where it comes from, savings totals and adopters —
// never measures, cycles, savings entries or people.

export const PRACTICES_PAGE_SIZE = 20;

/** Search terms beyond this many are ignored: each one adds a condition. */
const MAX_SEARCH_TERMS = 8;

export type PracticeSummary = {
  projectId: string;
  title: string;
  aim: string;
  compassPoints: CompassPoint[];
  team: { id: string; name: string };
  region: { name: string; slug: string };
  departmentType: DepartmentType;
  /** The origin team's own validated savings on this project; adopters report theirs on their own projects. */
  validatedSavingsCents: number;
  adopterCount: number;
  adopterTeamIds: string[];
};

/** `total` is exact up to `PRACTICES_COUNTED`; `totalIsCapped` says there are more. */
export type PracticeResults = { practices: PracticeSummary[]; total: number; totalIsCapped: boolean; page: number; pageCount: number };

/**
 * Matches are counted up to this many: a search that finds more is too broad to page
 * through, and counting every match of a common word at ten times the partnership would
 * read most of the projects on each search.
 */
export const PRACTICES_COUNTED = 1000;

type PracticeRow = Omit<PracticeSummary, "team" | "region" | "validatedSavingsCents"> & {
  teamId: string;
  teamName: string;
  regionName: string;
  regionSlug: string;
  validatedSavingsCents: bigint;
};

/**
 * Completed practices matching the filters, most adopted first, then the largest validated
 * savings. A project's adopter count and validated savings are kept on it by triggers, so
 * the order is an index's (Project_practice_rank_idx) and a page reads its rows only.
 */
export async function searchPractices(filters: PracticeFilters): Promise<PracticeResults> {
  const matching = Prisma.sql`
    FROM "Project" p
    JOIN "Team" t ON t.id = p."teamId"
    JOIN "Department" d ON d.id = t."departmentId"
    JOIN "Region" r ON r.id = t."regionId"
    WHERE ${Prisma.join(filterConditions(filters), " AND ")}`;
  const offset = (filters.page - 1) * PRACTICES_PAGE_SIZE;
  const [counted, rows] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (SELECT 1 ${matching} LIMIT ${PRACTICES_COUNTED + 1}) AS practice`,
    // Pages past the counted matches are out of range, as pages past the end are.
    offset >= PRACTICES_COUNTED ? [] : pageOfPractices(matching, offset),
  ]);
  const totalIsCapped = (counted[0]?.total ?? 0) > PRACTICES_COUNTED;
  const total = Math.min(counted[0]?.total ?? 0, PRACTICES_COUNTED);
  return { practices: rows.map(toSummary), total, totalIsCapped, page: filters.page, pageCount: pageCount(total, PRACTICES_PAGE_SIZE) };
}

function pageOfPractices(matching: Prisma.Sql, offset: number): Promise<PracticeRow[]> {
  return prisma.$queryRaw<PracticeRow[]>`
    SELECT p.id AS "projectId", p.title, p.aim, p."compassPoints"::text[] AS "compassPoints",
           t.id AS "teamId", t.name AS "teamName", r.name AS "regionName", r.slug AS "regionSlug", d.type::text AS "departmentType",
           p."validatedSavingsCents", p."adopterCount",
           array(SELECT l."adopterTeamId"::text FROM "SpreadLink" l WHERE l."originProjectId" = p.id) AS "adopterTeamIds"
    ${matching}
    ORDER BY p."adopterCount" DESC, p."validatedSavingsCents" DESC, p.title, p.id
    LIMIT ${PRACTICES_PAGE_SIZE} OFFSET ${offset}`;
}

function filterConditions(filters: PracticeFilters): Prisma.Sql[] {
  const conditions = [Prisma.sql`p.status = ANY(${[...COMPLETED_STATUSES]}::"ProjectStatus"[])`];
  if (filters.text) conditions.push(...textConditions(filters.text));
  if (filters.compassPoint) conditions.push(Prisma.sql`${filters.compassPoint}::"CompassPoint" = ANY(p."compassPoints")`);
  if (filters.departmentType) conditions.push(Prisma.sql`d.type = ${filters.departmentType}::"DepartmentType"`);
  if (filters.regionSlug) conditions.push(Prisma.sql`r.slug = ${filters.regionSlug}`);
  if (filters.minSavingsCents !== undefined) conditions.push(Prisma.sql`p."validatedSavingsCents" >= ${filters.minSavingsCents}`);
  return conditions;
}

/** Every word must appear in the title or the aim, in any case; the words are bound parameters. */
function textConditions(text: string): Prisma.Sql[] {
  const words = text.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_TERMS);
  return words.map((word) => {
    const pattern = `%${escapeLikePattern(word)}%`;
    return Prisma.sql`(p.title ILIKE ${pattern} OR p.aim ILIKE ${pattern})`;
  });
}

function toSummary({ teamId, teamName, regionName, regionSlug, validatedSavingsCents, ...practice }: PracticeRow): PracticeSummary {
  return {
    ...practice,
    team: { id: teamId, name: teamName },
    region: { name: regionName, slug: regionSlug },
    validatedSavingsCents: Number(validatedSavingsCents),
  };
}

export type RegionOption = { name: string; slug: string };

/** The regions the library can be filtered by, in the partnership's usual order. */
export async function getRegionOptions(): Promise<RegionOption[]> {
  return prisma.region.findMany({ select: { name: true, slug: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}

// ───────────────────────────── spread of one project ─────────────────────────────

export type SpreadEntry = { projectId: string; projectTitle: string; teamId: string; teamName: string; adoptedAt: Date };

export type Spread = {
  /** The practice this project adopts, if it is an adoption. */
  adoptedFrom: SpreadEntry | null;
  /** The teams that adopted this project's practice, earliest first. */
  adopters: SpreadEntry[];
};

const PROJECT_WITH_TEAM = { select: { id: true, title: true, team: { select: { id: true, name: true } } } } as const;

/** Where a known project's practice came from and where it spread to. */
export async function getSpread(projectId: string): Promise<Spread> {
  const [adoptedFrom, adopters] = await Promise.all([
    prisma.spreadLink.findFirst({ where: { adopterProjectId: projectId }, select: { createdAt: true, origin: PROJECT_WITH_TEAM } }),
    prisma.spreadLink.findMany({
      where: { originProjectId: projectId },
      select: { createdAt: true, adopter: PROJECT_WITH_TEAM },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    adoptedFrom: adoptedFrom && toSpreadEntry(adoptedFrom.origin, adoptedFrom.createdAt),
    adopters: adopters.map((link) => toSpreadEntry(link.adopter, link.createdAt)),
  };
}

function toSpreadEntry(project: { id: string; title: string; team: { id: string; name: string } }, adoptedAt: Date): SpreadEntry {
  return { projectId: project.id, projectTitle: project.title, teamId: project.team.id, teamName: project.team.name, adoptedAt };
}

// ───────────────────────────── who may adopt for which team ─────────────────────────────

export type TeamOption = { id: string; name: string };

/**
 * The active teams the actor may adopt a practice for: a co-lead's own teams, a
 * consultant's region's teams. The service checks each adoption again.
 */
export async function getAdoptableTeams(actor: Actor): Promise<TeamOption[]> {
  const scope = scopeFor(actor, "practice.adopt");
  if (isEmptyScope(scope)) return [];
  const inScope: Prisma.TeamWhereInput = scope.all ? {} : { OR: [{ id: { in: scope.teamIds } }, { regionId: { in: scope.regionIds } }] };
  return prisma.team.findMany({ where: { retiredQuarter: null, ...inScope }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
