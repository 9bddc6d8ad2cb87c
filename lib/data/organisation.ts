import "server-only";
import { assertCan, can, scopeOrRefuse, type Actor } from "@/lib/auth/permissions";
import { regionFilter } from "@/lib/data/regional-rollup";
import { isUuid } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import type { Quarter } from "@/lib/domain/quarter";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DepartmentType } from "@/lib/generated/prisma/enums";

// The organisation tree as administrators browse it: regions → facilities → departments
// → teams, each level with its counts (computed by the database), scoped to the regions
// the administrator administers.

/** A team counts as retired once its retirement is recorded, also while it still operates this quarter. */
export type TeamCounts = { activeTeams: number; retiredTeams: number };

export type RegionSummary = { id: string; slug: string; name: string; facilities: number; departments: number } & TeamCounts;

export type FacilitySummary = { id: string; name: string; retiredQuarter: Quarter | null; departments: number } & TeamCounts;

export type PlaceRef = { id: string; name: string };

export type OrgTeam = { id: string; code: string; name: string; charteredQuarter: Quarter; retiredQuarter: Quarter | null };

export type OrgDepartment = { id: string; name: string; type: DepartmentType; teams: OrgTeam[] };

export type FacilityOrganisation = {
  region: PlaceRef & { slug: string };
  facility: PlaceRef & { retiredQuarter: Quarter | null };
  departments: OrgDepartment[];
  unionLocals: PlaceRef[];
};

const teamCounts = Prisma.sql`
  count(t.id) FILTER (WHERE t."retiredQuarter" IS NULL)::int AS "activeTeams",
  count(t.id) FILTER (WHERE t."retiredQuarter" IS NOT NULL)::int AS "retiredTeams"`;

/** The regions the actor administers, with how many facilities, departments and teams each has. */
export async function getOrganisationRegions(actor: Actor): Promise<RegionSummary[]> {
  const scope = scopeOrRefuse(actor, "admin.manage");
  return prisma.$queryRaw<RegionSummary[]>`
    SELECT r.id, r.slug, r.name,
      count(DISTINCT f.id)::int AS facilities,
      count(DISTINCT d.id)::int AS departments,
      ${teamCounts}
    FROM "Region" r
    LEFT JOIN "Facility" f ON f."regionId" = r.id
    LEFT JOIN "Department" d ON d."facilityId" = f.id
    LEFT JOIN "Team" t ON t."departmentId" = d.id
    WHERE ${regionFilter(scope, Prisma.sql`r.id`)}
    GROUP BY r.id
    ORDER BY r."sortOrder", r.name`;
}

/** A region's facilities with their counts; an unknown slug is a NotFoundError, another region's a ForbiddenError. */
export async function getRegionFacilities(actor: Actor, slug: string): Promise<{ region: PlaceRef & { slug: string }; facilities: FacilitySummary[] }> {
  const region = await prisma.region.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!region) throw new NotFoundError("Unknown region.");
  assertCan(actor, "admin.manage", { kind: "region", regionId: region.id });
  const facilities = await prisma.$queryRaw<FacilitySummary[]>`
    SELECT f.id, f.name, f."retiredQuarter", count(DISTINCT d.id)::int AS departments, ${teamCounts}
    FROM "Facility" f
    LEFT JOIN "Department" d ON d."facilityId" = f.id
    LEFT JOIN "Team" t ON t."departmentId" = d.id
    WHERE f."regionId" = ${region.id}::uuid
    GROUP BY f.id
    ORDER BY f.name`;
  return { region, facilities };
}

/** A facility's departments with their teams, and what the forms on its page offer. */
export async function getFacilityOrganisation(actor: Actor, facilityId: string): Promise<FacilityOrganisation> {
  const facility = isUuid(facilityId)
    ? await prisma.facility.findUnique({
        where: { id: facilityId },
        select: {
          id: true,
          name: true,
          retiredQuarter: true,
          region: { select: { id: true, slug: true, name: true } },
          departments: {
            orderBy: { name: "asc" },
            select: {
              id: true,
              name: true,
              type: true,
              teams: { orderBy: { code: "asc" }, select: { id: true, code: true, name: true, charteredQuarter: true, retiredQuarter: true } },
            },
          },
        },
      })
    : null;
  if (!facility) throw new NotFoundError("Unknown facility: it does not exist or was removed.");
  assertCan(actor, "admin.manage", { kind: "region", regionId: facility.region.id });
  const { region, departments, ...own } = facility;
  return {
    region,
    facility: { ...own, retiredQuarter: own.retiredQuarter as Quarter | null },
    departments: departments.map((department) => ({ ...department, teams: department.teams.map(orgTeam) })),
    unionLocals: await unionLocals(),
  };
}

export type AdminTeam = {
  team: OrgTeam & { unionLocalId: string | null };
  region: PlaceRef & { slug: string };
  facility: PlaceRef & { retiredQuarter: Quarter | null };
  department: PlaceRef;
  unionLocals: PlaceRef[];
  /** Where the team can move: the administrator's open facilities, by region. */
  facilities: { region: string; facilities: PlaceRef[] }[];
};

/** A team as its administrator edits it. */
export async function getAdminTeam(actor: Actor, teamId: string): Promise<AdminTeam> {
  const team = isUuid(teamId)
    ? await prisma.team.findUnique({
        where: { id: teamId },
        select: {
          id: true,
          code: true,
          name: true,
          charteredQuarter: true,
          retiredQuarter: true,
          unionLocalId: true,
          region: { select: { id: true, slug: true, name: true } },
          department: { select: { id: true, name: true, facility: { select: { id: true, name: true, retiredQuarter: true } } } },
        },
      })
    : null;
  if (!team) throw new NotFoundError("Unknown team: it does not exist or was removed.");
  assertCan(actor, "admin.manage", { kind: "team", teamId: team.id, regionId: team.region.id });
  const { region, department, unionLocalId, ...own } = team;
  const { facility, ...ownDepartment } = department;
  return {
    team: { ...orgTeam(own), unionLocalId },
    region,
    facility: { ...facility, retiredQuarter: facility.retiredQuarter as Quarter | null },
    department: ownDepartment,
    unionLocals: await unionLocals(),
    facilities: await openFacilitiesByRegion(actor),
  };
}

/** The departments of a facility a team may move to, for the move form; a facility the actor does not administer offers none. */
export async function getMoveDestinations(actor: Actor, facilityId: string): Promise<{ facility: PlaceRef; departments: PlaceRef[] } | null> {
  const facility = isUuid(facilityId)
    ? await prisma.facility.findUnique({
        where: { id: facilityId },
        select: { id: true, name: true, regionId: true, retiredQuarter: true, departments: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
      })
    : null;
  if (!facility || facility.retiredQuarter || !can(actor, "admin.manage", { kind: "region", regionId: facility.regionId })) return null;
  return { facility: { id: facility.id, name: facility.name }, departments: facility.departments };
}

async function openFacilitiesByRegion(actor: Actor): Promise<AdminTeam["facilities"]> {
  const scope = scopeOrRefuse(actor, "admin.manage");
  const regions = await prisma.region.findMany({
    where: scope.all ? {} : { id: { in: scope.regionIds } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { name: true, facilities: { where: { retiredQuarter: null }, orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
  return regions.map((region) => ({ region: region.name, facilities: region.facilities }));
}

function unionLocals(): Promise<PlaceRef[]> {
  return prisma.unionLocal.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

function orgTeam(team: { id: string; code: string; name: string; charteredQuarter: string; retiredQuarter: string | null }): OrgTeam {
  return { ...team, charteredQuarter: team.charteredQuarter as Quarter, retiredQuarter: team.retiredQuarter as Quarter | null };
}
