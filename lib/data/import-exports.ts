import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { CsvCell } from "@/lib/csv";
import { getAdminScope } from "@/lib/data/admin";
import { regionFilter } from "@/lib/data/regional-rollup";
import { finalQuarterly } from "@/lib/data/sql";
import { prisma } from "@/lib/db";
import { currentQuarter } from "@/lib/domain/quarter";
import { Prisma } from "@/lib/generated/prisma/client";
import { Dimension, KeyTeamRole } from "@/lib/generated/prisma/enums";
import { IMPORT_DEFINITIONS, type ImportKind } from "@/lib/validation/imports";

// The current data in exactly the import's columns, within the administrator's regions:
// an exported file imports again as "no change", and is the way to edit in bulk.

type Rows = CsvCell[][];

/** How a person is named in the roles and rosters files: their employee id, else their email. */
const PERSON_REFERENCE = Prisma.sql`coalesce(p."employeeId", p.email)`;

async function organisationRows(regions: Prisma.Sql): Promise<Rows> {
  const rows = await prisma.$queryRaw<Record<string, string | null>[]>`
    SELECT r.slug, f.name AS facility, d.name AS department, d.type::text AS type, t.code, t.name, ul.name AS "unionLocal",
           t."charteredQuarter", t."retiredQuarter"
    FROM "Team" t
    JOIN "Department" d ON d.id = t."departmentId"
    JOIN "Facility" f ON f.id = d."facilityId"
    JOIN "Region" r ON r.id = t."regionId"
    LEFT JOIN "UnionLocal" ul ON ul.id = t."unionLocalId"
    WHERE ${regions}
    ORDER BY r."sortOrder", t.code`;
  return rows.map((row) => [row.slug, row.facility, row.department, row.type, row.code, row.name, row.unionLocal, row.charteredQuarter, row.retiredQuarter]);
}

/** Everyone for a national administrator; for a regional one, people with a role or a roster place (now or before) in their regions. */
async function peopleRows(all: boolean, regionIds: string[]): Promise<Rows> {
  const inRegions = all
    ? Prisma.sql`TRUE`
    : Prisma.sql`(EXISTS (SELECT 1 FROM "RoleAssignment" ra LEFT JOIN "Team" t ON t.id = ra."teamId"
                          WHERE ra."personId" = p.id AND coalesce(t."regionId", ra."regionId") = ANY(${regionIds}::uuid[]))
               OR EXISTS (SELECT 1 FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId"
                          WHERE tm."personId" = p.id AND t."regionId" = ANY(${regionIds}::uuid[])))`;
  const rows = await prisma.$queryRaw<{ displayName: string; email: string | null; employeeId: string | null; unionLocal: string | null; account: boolean }[]>`
    SELECT p."displayName", p.email, p."employeeId", ul.name AS "unionLocal", (u.id IS NOT NULL AND p.email IS NOT NULL) AS account
    FROM "Person" p
    LEFT JOIN "UnionLocal" ul ON ul.id = p."unionLocalId"
    LEFT JOIN "User" u ON u."personId" = p.id
    WHERE ${PERSON_REFERENCE} IS NOT NULL AND ${inRegions}
    ORDER BY p."employeeId", p.email`;
  return rows.map((row) => [row.displayName, row.email, row.employeeId, row.unionLocal, row.account ? "yes" : "no"]);
}

async function rolesRows(placeInRegions: Prisma.Sql): Promise<Rows> {
  const rows = await prisma.$queryRaw<Record<string, string | null>[]>`
    SELECT ${PERSON_REFERENCE} AS person, ra.role::text AS role, t.code, CASE WHEN ra."teamId" IS NULL THEN r.slug END AS region,
           to_char(ra."startDate", 'YYYY-MM-DD') AS "startDate", to_char(ra."endDate", 'YYYY-MM-DD') AS "endDate"
    FROM "RoleAssignment" ra
    JOIN "Person" p ON p.id = ra."personId"
    LEFT JOIN "Team" t ON t.id = ra."teamId"
    LEFT JOIN "Region" r ON r.id = ra."regionId"
    WHERE ${PERSON_REFERENCE} IS NOT NULL AND ${placeInRegions}
    ORDER BY person, ra."startDate", ra.role, t.code, r.slug`;
  return rows.map((row) => [row.person, row.role, row.code, row.region, row.startDate, row.endDate]);
}

async function rostersRows(regions: Prisma.Sql): Promise<Rows> {
  const rows = await prisma.$queryRaw<{ code: string; person: string; joinedOn: string; leftOn: string | null; keyRoles: KeyTeamRole[] | null }[]>`
    SELECT t.code, ${PERSON_REFERENCE} AS person, to_char(tm."joinedOn", 'YYYY-MM-DD') AS "joinedOn", to_char(tm."leftOn", 'YYYY-MM-DD') AS "leftOn",
           tm."keyRoles"::text[] AS "keyRoles"
    FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId" JOIN "Person" p ON p.id = tm."personId"
    WHERE ${PERSON_REFERENCE} IS NOT NULL AND ${regions}
    ORDER BY t.code, tm."joinedOn", person`;
  const keyRoleText = (roles: KeyTeamRole[] | null) =>
    Object.values(KeyTeamRole)
      .filter((role) => roles?.includes(role))
      .map((role) => role.toLowerCase())
      .join(";");
  return rows.map((row) => [row.code, row.person, row.joinedOn, row.leftOn, keyRoleText(row.keyRoles)]);
}

/** Final quarterly ratings the import would accept: closed quarters in which the team operated. */
async function ratingsRows(regions: Prisma.Sql, now: Date): Promise<Rows> {
  const rows = await prisma.$queryRaw<{ code: string; quarter: string; level: number; dimensions: (number | null)[] }[]>`
    SELECT t.code, rt.quarter, rt.level,
           ARRAY(SELECT d.level FROM "RatingDimension" d WHERE d."ratingId" = rt.id ORDER BY d.dimension) AS dimensions
    FROM "Rating" rt JOIN "Team" t ON t.id = rt."teamId"
    WHERE ${finalQuarterly("rt")} AND ${regions} AND rt.quarter < ${currentQuarter(now)}
      AND t."charteredQuarter" <= rt.quarter AND (t."retiredQuarter" IS NULL OR t."retiredQuarter" > rt.quarter)
    ORDER BY t.code, rt.quarter`;
  const dimensionCount = Object.values(Dimension).length;
  return rows.map((row) => {
    // All seven levels or none, as the import takes them.
    const complete = row.dimensions.length === dimensionCount && row.dimensions.every((level) => level !== null);
    return [row.code, row.quarter, row.level, ...(complete ? row.dimensions : Array<null>(dimensionCount).fill(null))];
  });
}

/** The kind's header and rows for the administrator's regions; refused in the matrix's words for anyone else. */
export async function exportForImport(actor: Actor, kind: ImportKind, now: Date = new Date()): Promise<{ headers: readonly string[]; rows: Rows }> {
  const { scope } = await getAdminScope(actor);
  const regionIds = scope.all ? [] : scope.regionIds;
  const teamRegions = regionFilter(scope, Prisma.sql`t."regionId"`);
  const loaders: Record<ImportKind, () => Promise<Rows>> = {
    organisation: () => organisationRows(teamRegions),
    people: () => peopleRows(scope.all, regionIds),
    // A national role (no team, no region) falls outside every region, so only a national administrator sees it.
    roles: () => rolesRows(regionFilter(scope, Prisma.sql`coalesce(t."regionId", ra."regionId")`)),
    rosters: () => rostersRows(teamRegions),
    ratings: () => ratingsRows(teamRegions, now),
  };
  return { headers: IMPORT_DEFINITIONS[kind].columns, rows: await loaders[kind]() };
}
