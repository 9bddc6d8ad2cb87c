import "server-only";
import { assertCanSeePerson, canManagePerson, rolePlaceTarget, type PersonFootprint } from "@/lib/auth/admin-reach";
import { can, scopeOrRefuse, type Actor } from "@/lib/auth/permissions";
import { getAdminScope } from "@/lib/data/admin";
import { assignmentActiveOn, escapeLikePattern } from "@/lib/data/sql";
import { isUuid } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { accountStatus, type AccountStatus } from "@/lib/domain/accounts";
import { isCurrent } from "@/lib/domain/role-assignments";
import { HANDOVER_ROLES } from "@/lib/domain/roles";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { todayUtc } from "@/lib/validation/dates";
import { pageCount } from "@/lib/validation/paging";

/** Where a role is held, as pages show it. */
export type PlaceView =
  | { kind: "team"; teamId: string; code: string; name: string; regionName: string }
  | { kind: "region"; regionId: string; name: string }
  | { kind: "national" };

export type CurrentRole = { role: RoleKind; place: PlaceView };

export type PersonRow = {
  id: string;
  displayName: string;
  email: string | null;
  employeeId: string | null;
  account: AccountStatus;
  currentRoles: CurrentRole[];
};

export type PeoplePage = { rows: PersonRow[]; count: number; page: number; pageCount: number };

/** A person as the people directory shows them: who they are, the roles they hold today and the teams whose roster they are on. */
export type DirectoryPersonRow = { id: string; displayName: string; currentRoles: CurrentRole[]; teams: { id: string; code: string; name: string }[] };

export type DirectoryPeoplePage = { rows: DirectoryPersonRow[]; count: number; page: number; pageCount: number };

/** The people list shows this many a page (the seed holds some 130,000 people). */
export const PEOPLE_PAGE_SIZE = 50;

/** The person behind an id; an unknown one is a NotFoundError. */
export async function getPersonOrThrow(personId: string) {
  const person = isUuid(personId) ? await prisma.person.findUnique({ where: { id: personId } }) : null;
  if (!person) throw new NotFoundError("Unknown person: they do not exist or were removed.");
  return person;
}

/** The regions of every role and roster place the person holds or held, and whether any role was national. */
export async function getPersonFootprint(personId: string): Promise<PersonFootprint> {
  const places = await prisma.$queryRaw<{ regionId: string | null }[]>`
    SELECT DISTINCT coalesce(t."regionId", ra."regionId") AS "regionId"
    FROM "RoleAssignment" ra LEFT JOIN "Team" t ON t.id = ra."teamId"
    WHERE ra."personId" = ${personId}::uuid
    UNION
    SELECT t."regionId" FROM "TeamMember" m JOIN "Team" t ON t.id = m."teamId" WHERE m."personId" = ${personId}::uuid`;
  return {
    national: places.some((place) => place.regionId === null),
    regionIds: places.map((place) => place.regionId).filter((regionId): regionId is string => regionId !== null),
  };
}

/**
 * A page of the people the administrator may see (lib/auth/admin-reach.ts, canSeePerson: the
 * SQL twin is here), by name, matching a search of name, email or employee id, with their
 * account's status and the roles they hold today.
 */
export async function listPeople(actor: Actor, { search, page }: { search?: string; page: number }, today: Date = todayUtc()): Promise<PeoplePage> {
  const scope = scopeOrRefuse(actor, "admin.manage");
  const conditions = [scope.all ? Prisma.sql`TRUE` : Prisma.sql`(${placedInRegions(scope.regionIds)} OR ${unplaced})`];
  if (search) {
    const pattern = `%${escapeLikePattern(search)}%`;
    conditions.push(Prisma.sql`(p."displayName" ILIKE ${pattern} OR p.email ILIKE ${pattern} OR p."employeeId" ILIKE ${pattern})`);
  }
  const { people, count } = await findPeople(Prisma.join(conditions, " AND "), page);
  const roles = await currentRolesOf(
    people.map((person) => person.id),
    today,
  );
  return {
    rows: people.map(({ disabled, hasPassword, lastSignInAt, ...person }) => ({
      ...person,
      account: accountStatus(disabled === null ? null : { disabled, hasPassword: hasPassword === true, lastSignInAt }),
      currentRoles: roles.get(person.id) ?? [],
    })),
    count,
    page,
    pageCount: pageCount(count, PEOPLE_PAGE_SIZE),
  };
}

/**
 * A page of the people directory (LMP staff, administrators and consultants): everyone for a
 * national grant, else the people with a role or roster place (now or before) in the actor's
 * regions (people.view is held on regions or nationally, never on a team); by name, matching
 * part of a name, with the roles they hold and the rosters they are on today.
 */
export async function listDirectoryPeople(actor: Actor, { search, page }: { search?: string; page: number }, today: Date = todayUtc()): Promise<DirectoryPeoplePage> {
  const scope = scopeOrRefuse(actor, "people.view");
  const conditions = [scope.all ? Prisma.sql`TRUE` : placedInRegions(scope.regionIds)];
  // The name's trigram index serves a part of a name anywhere in it.
  if (search) conditions.push(Prisma.sql`p."displayName" ILIKE ${`%${escapeLikePattern(search)}%`}`);
  const { people, count } = await findPeople(Prisma.join(conditions, " AND "), page);
  const ids = people.map((person) => person.id);
  const [roles, teams] = await Promise.all([currentRolesOf(ids, today), currentTeamsOf(ids)]);
  return {
    rows: people.map((person) => ({ id: person.id, displayName: person.displayName, currentRoles: roles.get(person.id) ?? [], teams: teams.get(person.id) ?? [] })),
    count,
    page,
    pageCount: pageCount(count, PEOPLE_PAGE_SIZE),
  };
}

/** One page of the people matching `where` (over "Person" p), by name, with their account's state, and how many match. */
async function findPeople(where: Prisma.Sql, page: number) {
  const [people, [{ count }]] = await Promise.all([
    prisma.$queryRaw<{ id: string; displayName: string; email: string | null; employeeId: string | null; disabled: boolean | null; hasPassword: boolean | null; lastSignInAt: Date | null }[]>`
      SELECT p.id, p."displayName", p.email, p."employeeId", u.disabled, u."passwordHash" IS NOT NULL AS "hasPassword", u."lastSignInAt"
      FROM "Person" p LEFT JOIN "User" u ON u."personId" = p.id
      WHERE ${where}
      ORDER BY p."displayName", p.id
      LIMIT ${PEOPLE_PAGE_SIZE} OFFSET ${(page - 1) * PEOPLE_PAGE_SIZE}`,
    prisma.$queryRaw<[{ count: number }]>`SELECT count(*)::int AS count FROM "Person" p WHERE ${where}`,
  ]);
  return { people, count };
}

/** People (alias p) with a role or roster place, now or before, in the regions. */
export function placedInRegions(regionIds: string[]): Prisma.Sql {
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "RoleAssignment" ra LEFT JOIN "Team" t ON t.id = ra."teamId"
            WHERE ra."personId" = p.id AND coalesce(t."regionId", ra."regionId") = ANY(${regionIds}::uuid[]))
    OR EXISTS (SELECT 1 FROM "TeamMember" m JOIN "Team" t ON t.id = m."teamId" WHERE m."personId" = p.id AND t."regionId" = ANY(${regionIds}::uuid[])))`;
}

/** People with no role and no roster place anywhere: a regional administrator sees them, to place them. */
const unplaced = Prisma.sql`(NOT EXISTS (SELECT 1 FROM "RoleAssignment" ra WHERE ra."personId" = p.id) AND NOT EXISTS (SELECT 1 FROM "TeamMember" m WHERE m."personId" = p.id))`;

/** The teams whose roster each person is on (not left, as the roster counts them), by code. */
async function currentTeamsOf(personIds: string[]): Promise<Map<string, DirectoryPersonRow["teams"]>> {
  const memberships = await prisma.teamMember.findMany({
    where: { personId: { in: personIds }, leftOn: null },
    select: { personId: true, team: { select: { id: true, code: true, name: true } } },
    orderBy: { team: { code: "asc" } },
  });
  const byPerson = new Map<string, DirectoryPersonRow["teams"]>();
  for (const { personId, team } of memberships) byPerson.set(personId, [...(byPerson.get(personId) ?? []), team]);
  return byPerson;
}

const PLACE_SELECT = {
  team: { select: { id: true, code: true, name: true, region: { select: { name: true } } } },
  region: { select: { id: true, name: true } },
} satisfies Prisma.RoleAssignmentSelect;

type PlaceRow = {
  team: { id: string; code: string; name: string; region: { name: string } } | null;
  region: { id: string; name: string } | null;
};

function placeView({ team, region }: PlaceRow): PlaceView {
  if (team) return { kind: "team", teamId: team.id, code: team.code, name: team.name, regionName: team.region.name };
  if (region) return { kind: "region", regionId: region.id, name: region.name };
  return { kind: "national" };
}

export async function currentRolesOf(personIds: string[], today: Date): Promise<Map<string, CurrentRole[]>> {
  const assignments = await prisma.roleAssignment.findMany({
    where: { personId: { in: personIds }, ...assignmentActiveOn(today) },
    select: { personId: true, role: true, ...PLACE_SELECT },
    orderBy: [{ role: "asc" }, { startDate: "asc" }],
  });
  const byPerson = new Map<string, CurrentRole[]>();
  for (const assignment of assignments) {
    const roles = byPerson.get(assignment.personId) ?? [];
    roles.push({ role: assignment.role, place: placeView(assignment) });
    byPerson.set(assignment.personId, roles);
  }
  return byPerson;
}

export type AssignmentView = {
  id: string;
  role: RoleKind;
  place: PlaceView;
  startDate: Date;
  endDate: Date | null;
  current: boolean;
  /** What this administrator may do with it: end it while it runs; hand over a team's co-lead or sponsor role held today. */
  may: { end: boolean; handOver: boolean };
};

export type PersonDetail = Awaited<ReturnType<typeof getPersonForAdmin>>;

/** A person's page for administrators: their details, account and every role they held, with what this administrator may change. */
export async function getPersonForAdmin(actor: Actor, personId: string, today: Date = todayUtc()) {
  const person = await getPersonOrThrow(personId);
  const footprint = await getPersonFootprint(person.id);
  assertCanSeePerson(actor, footprint);
  const [user, assignments, unionLocals, { scope, regions }] = await Promise.all([
    prisma.user.findUnique({ where: { personId: person.id }, select: { email: true, disabled: true, passwordHash: true, lastSignInAt: true, createdAt: true } }),
    prisma.roleAssignment.findMany({
      where: { personId: person.id },
      select: { id: true, role: true, startDate: true, endDate: true, teamId: true, regionId: true, ...PLACE_SELECT, team: { select: { ...PLACE_SELECT.team.select, regionId: true } } },
      orderBy: [{ endDate: { sort: "desc", nulls: "first" } }, { startDate: "desc" }],
    }),
    getUnionLocalOptions(),
    getAdminScope(actor),
  ]);
  return {
    person: { id: person.id, displayName: person.displayName, email: person.email, employeeId: person.employeeId, unionLocalId: person.unionLocalId },
    unionLocalName: unionLocals.find((local) => local.id === person.unionLocalId)?.name ?? null,
    account: {
      status: accountStatus(user && { disabled: user.disabled, hasPassword: user.passwordHash !== null, lastSignInAt: user.lastSignInAt }),
      email: user?.email ?? null,
      lastSignInAt: user?.lastSignInAt ?? null,
      createdAt: user?.createdAt ?? null,
    },
    assignments: assignments.map((assignment): AssignmentView => {
      const administers = can(actor, "admin.manage", rolePlaceTarget({ teamId: assignment.teamId, teamRegionId: assignment.team?.regionId ?? null, regionId: assignment.regionId }));
      const current = isCurrent(assignment, today);
      const running = assignment.endDate === null || assignment.endDate >= today;
      return {
        id: assignment.id,
        role: assignment.role,
        place: placeView(assignment),
        startDate: assignment.startDate,
        endDate: assignment.endDate,
        current,
        may: { end: administers && running, handOver: administers && current && assignment.teamId !== null && HANDOVER_ROLES.includes(assignment.role) },
      };
    }),
    unionLocals,
    /** Where this administrator may grant roles: their regions, and national roles for a national administrator. */
    grantPlaces: { regions, national: scope.all },
    may: { manage: canManagePerson(actor, footprint) },
  };
}

/** The union locals a person can belong to, by name. */
export function getUnionLocalOptions(): Promise<{ id: string; name: string }[]> {
  return prisma.unionLocal.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** What the new-person form needs; refused to anyone who administers nowhere. */
export async function getNewPersonForm(actor: Actor): Promise<{ unionLocals: { id: string; name: string }[] }> {
  scopeOrRefuse(actor, "admin.manage");
  return { unionLocals: await getUnionLocalOptions() };
}
