import "server-only";
import { scopeOrRefuse, type Actor, type Scope } from "@/lib/auth/permissions";
import type { CsvCell, CsvPages } from "@/lib/csv";
import { readInPages } from "@/lib/data/pages";
import { prisma } from "@/lib/db";
import { escapeLikePattern, finalQuarterly } from "@/lib/data/sql";
import { teamsInScopeSql } from "@/lib/data/teams";
import { currentQuarter, type Quarter } from "@/lib/domain/quarter";
import { queueStatusLabel, type CurrentSignoff, type QueueStatus } from "@/lib/domain/rating-workflow";
import { retirementLabel } from "@/lib/domain/team-lifecycle";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RatingStatus } from "@/lib/generated/prisma/enums";
import { pageCount } from "@/lib/validation/paging";
import type { TeamDirectoryFilters } from "@/lib/validation/team-directory";

/** The directory shows this many teams a page (the seed holds some 3,600; ten times that at the partnership's scale). */
export const TEAM_DIRECTORY_PAGE_SIZE = 50;

export type TeamDirectoryRow = {
  id: string;
  code: string;
  name: string;
  regionName: string;
  facilityName: string;
  departmentName: string;
  /** The level of the team's latest final quarterly rating (null: none yet, or no level fully met), and its quarter. */
  level: number | null;
  levelQuarter: Quarter | null;
  /** This quarter's quarterly rating, with the sign-offs in force (whose signature it awaits). */
  ratingStatus: QueueStatus;
  signoffs: CurrentSignoff[];
  retiredQuarter: Quarter | null;
};

export type TeamDirectoryPage = { rows: TeamDirectoryRow[]; count: number; page: number; pageCount: number; quarter: Quarter };

type Row = Omit<TeamDirectoryRow, "ratingStatus" | "signoffs"> & { ratingId: string | null; ratingStatus: RatingStatus | null };

/** A page of the teams the actor may see (by name), narrowed by the filters; the rating status is this quarter's. */
export async function listTeamDirectory(actor: Actor, filters: TeamDirectoryFilters, page: number, now: Date = new Date()): Promise<TeamDirectoryPage> {
  const scope = scopeOrRefuse(actor, "team.view");
  const quarter = currentQuarter(now);
  const [rows, [{ count }]] = await Promise.all([
    prisma.$queryRaw<Row[]>`${directoryQuery(scope, filters, quarter)} ORDER BY t.name, t.code LIMIT ${TEAM_DIRECTORY_PAGE_SIZE} OFFSET ${(page - 1) * TEAM_DIRECTORY_PAGE_SIZE}`,
    prisma.$queryRaw<[{ count: number }]>`SELECT count(*)::int AS count FROM (${directoryQuery(scope, filters, quarter, { counting: true })}) AS team`,
  ]);
  return { rows: await withSignoffs(rows), count, page, pageCount: pageCount(count, TEAM_DIRECTORY_PAGE_SIZE), quarter };
}

export const TEAM_DIRECTORY_CSV_HEADERS = [
  "Code",
  "Team",
  "Region",
  "Facility",
  "Department",
  "Level (latest final rating)",
  "Level rated in",
  "Rating this quarter",
  "Quarter",
  "Status",
] as const;

/** Every team of the directory under the same filters and scope, in the page's order, as CSV, a page at a time. */
export function exportTeamDirectoryRows(actor: Actor, filters: TeamDirectoryFilters, now: Date = new Date()): CsvPages {
  const quarter = currentQuarter(now);
  async function* pages() {
    const query = directoryQuery(scopeOrRefuse(actor, "team.view"), filters, quarter);
    const after = (last: Row | undefined) => (last ? Prisma.sql`AND (t.name, t.code) > (${last.name}, ${last.code})` : Prisma.empty);
    const pages = readInPages(
      (last: Row | undefined, take) => prisma.$queryRaw<Row[]>`${query} ${after(last)} ORDER BY t.name, t.code LIMIT ${take}`,
      (row) => row,
      (row) => row,
    );
    for await (const rows of pages) {
      yield (await withSignoffs(rows)).map((row) => teamDirectoryCsvRow(row, quarter, now));
    }
  }
  return { headers: TEAM_DIRECTORY_CSV_HEADERS, pages: pages() };
}

/** A directory row as the CSV writes it (and as a test compares it with the page). */
export function teamDirectoryCsvRow(row: TeamDirectoryRow, quarter: Quarter, now: Date = new Date()): CsvCell[] {
  return [
    row.code,
    row.name,
    row.regionName,
    row.facilityName,
    row.departmentName,
    row.level,
    row.levelQuarter,
    queueStatusLabel(row.ratingStatus, row.signoffs),
    quarter,
    row.retiredQuarter ? retirementLabel(row.retiredQuarter, now) : "Active",
  ];
}

/**
 * The directory's rows, unordered. Counting leaves out each team's latest level unless a
 * filter needs it: PostgreSQL cannot drop that lateral join by itself, and at ten times the
 * seed it is most of a count's time.
 */
function directoryQuery(scope: Scope, filters: TeamDirectoryFilters, quarter: Quarter, { counting = false } = {}): Prisma.Sql {
  const withLevel = !counting || filters.level !== undefined;
  return Prisma.sql`
    SELECT t.id, t.code, t.name, t."retiredQuarter", r.name AS "regionName", f.name AS "facilityName", d.name AS "departmentName",
           ${withLevel ? Prisma.sql`latest.level, latest.quarter AS "levelQuarter",` : Prisma.empty}
           current.id AS "ratingId", current.status AS "ratingStatus"
    FROM "Team" t
    JOIN "Region" r ON r.id = t."regionId"
    JOIN "Department" d ON d.id = t."departmentId"
    JOIN "Facility" f ON f.id = d."facilityId"
    ${withLevel ? latestFinalLevel : Prisma.empty}
    LEFT JOIN "Rating" current ON current."teamId" = t.id AND current.quarter = ${quarter} AND current.kind = 'QUARTERLY'
    WHERE ${Prisma.join(filterConditions(scope, filters, quarter), " AND ")}`;
}

const latestFinalLevel = Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT x.level, x.quarter FROM "Rating" x
      WHERE x."teamId" = t.id AND ${finalQuarterly("x")}
      ORDER BY x.quarter DESC LIMIT 1
    ) latest ON TRUE`;

function filterConditions(scope: Scope, filters: TeamDirectoryFilters, quarter: Quarter): Prisma.Sql[] {
  const conditions = [teamsInScopeSql(scope, { regionId: Prisma.sql`t."regionId"`, teamId: Prisma.sql`t.id` })];
  if (filters.q) {
    // Substring matches; the trigram indexes on the team's name and code serve them.
    const pattern = `%${escapeLikePattern(filters.q)}%`;
    conditions.push(Prisma.sql`(t.name ILIKE ${pattern} OR t.code ILIKE ${pattern} OR d.name ILIKE ${pattern} OR f.name ILIKE ${pattern})`);
  }
  if (filters.region) conditions.push(Prisma.sql`r.slug = ${filters.region}`);
  if (filters.facility) conditions.push(Prisma.sql`f.id = ${filters.facility}::uuid`);
  if (filters.level === "none") conditions.push(Prisma.sql`latest.level IS NULL`);
  else if (filters.level !== undefined) conditions.push(Prisma.sql`latest.level = ${filters.level}`);
  if (filters.ratingStatus === "NOT_STARTED") conditions.push(Prisma.sql`current.id IS NULL`);
  else if (filters.ratingStatus) conditions.push(Prisma.sql`current.status = ${filters.ratingStatus}::"RatingStatus"`);
  // Retired once its retirement quarter has come (retirementLabel's "Retired from"); until then it still operates.
  const retired = Prisma.sql`(t."retiredQuarter" IS NOT NULL AND t."retiredQuarter" <= ${quarter})`;
  if (filters.lifecycle === "retired") conditions.push(retired);
  if (filters.lifecycle === "active") conditions.push(Prisma.sql`NOT ${retired}`);
  return conditions;
}

/** The sign-offs in force on each row's rating this quarter, so "awaiting" names the side still to sign. */
async function withSignoffs(rows: Row[]): Promise<TeamDirectoryRow[]> {
  const ratingIds = rows.map((row) => row.ratingId).filter((id): id is string => id !== null);
  const signoffs =
    ratingIds.length === 0
      ? []
      : await prisma.ratingSignoff.findMany({ where: { ratingId: { in: ratingIds }, voidedAt: null }, select: { ratingId: true, side: true, decision: true } });
  return rows.map(({ ratingId, ratingStatus, ...row }) => ({
    ...row,
    ratingStatus: ratingStatus ?? "NOT_STARTED",
    signoffs: signoffs.filter((signoff) => signoff.ratingId === ratingId).map(({ side, decision }) => ({ side, decision })),
  }));
}

export type DirectoryPlaces = { regions: { slug: string; name: string }[]; facilities: { id: string; name: string }[] };

/** The regions the actor's teams are in, and the facilities (with teams the actor may see) of the chosen or only region. */
export async function getTeamDirectoryPlaces(actor: Actor, regionSlug: string | undefined): Promise<DirectoryPlaces> {
  const scope = scopeOrRefuse(actor, "team.view");
  const inScope = teamsInScopeSql(scope, { regionId: Prisma.sql`t."regionId"`, teamId: Prisma.sql`t.id` });
  const regions = await prisma.$queryRaw<{ slug: string; name: string }[]>`
    SELECT r.slug, r.name FROM "Region" r
    WHERE EXISTS (SELECT 1 FROM "Team" t WHERE t."regionId" = r.id AND ${inScope})
    ORDER BY r."sortOrder", r.name`;
  const region = regionSlug ?? (regions.length === 1 ? regions[0]!.slug : undefined);
  if (!region || !regions.some((known) => known.slug === region)) return { regions, facilities: [] };
  const facilities = await prisma.$queryRaw<{ id: string; name: string }[]>`
    SELECT f.id, f.name FROM "Facility" f JOIN "Region" r ON r.id = f."regionId"
    WHERE r.slug = ${region}
      AND EXISTS (SELECT 1 FROM "Department" d JOIN "Team" t ON t."departmentId" = d.id WHERE d."facilityId" = f.id AND ${inScope})
    ORDER BY f.name`;
  return { regions, facilities };
}
