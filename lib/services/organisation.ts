import "server-only";
// The organisation's records (facilities, departments, teams) as administrators change
// them: national administrators everywhere, regional ones in their regions only.
import { recordAudit } from "@/lib/audit";
import { assertCan, type PersonActor, type Target } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/data/teams";
import { isUniqueViolation } from "@/lib/db-errors";
import { prisma } from "@/lib/db";
import { compareQuarters, currentQuarter, formatQuarter, type Quarter } from "@/lib/domain/quarter";
import { retirementQuarter } from "@/lib/domain/team-lifecycle";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Department, Facility, Prisma, Team } from "@/lib/generated/prisma/client";
import type {
  CreateDepartmentInput,
  CreateFacilityInput,
  CreateTeamInput,
  FacilityIdInput,
  MergeDepartmentsInput,
  MoveTeamInput,
  TeamIdInput,
  UpdateDepartmentInput,
  UpdateFacilityInput,
  UpdateTeamInput,
} from "@/lib/validation/organisation";

type Tx = Prisma.TransactionClient;

/** Where a change shows: the facility's page, its region's, and (for a team) the team's own. */
export type FacilityOutcome = { facilityId: string; regionSlug: string };
export type DepartmentOutcome = FacilityOutcome & { departmentId: string };
export type TeamOutcome = FacilityOutcome & { teamId: string };
/** A merge moves teams: their pages show their new department. */
export type MergeOutcome = DepartmentOutcome & { movedTeamIds: string[] };
/** A move can leave one facility (and region) for another: both pages change. */
export type MoveOutcome = TeamOutcome & { from: FacilityOutcome };
/** Retiring or reactivating a facility changes its teams too. */
export type FacilityTeamsOutcome = FacilityOutcome & { teamIds: string[] };

const regionTarget = (regionId: string): Target => ({ kind: "region", regionId });

// ───────────────────────────── facilities ─────────────────────────────

export async function createFacility(actor: PersonActor, { regionId, name }: CreateFacilityInput): Promise<FacilityOutcome> {
  const region = await prisma.region.findUnique({ where: { id: regionId }, select: { id: true, slug: true } });
  if (!region) throw new InvalidInputError("Choose a region from the list", { regionId: ["Choose a region from the list"] });
  assertCan(actor, "admin.manage", regionTarget(region.id));

  return withUniqueKey(duplicateFacility(name), async () =>
    prisma.$transaction(async (tx) => {
      await assertFacilityNameFree(tx, region.id, name);
      const facility = await tx.facility.create({ data: { regionId: region.id, name } });
      await recordAudit(tx, { actorId: actor.personId, action: "facility.created", entityType: "Facility", entityId: facility.id, after: facilitySnapshot(facility) });
      return { facilityId: facility.id, regionSlug: region.slug };
    }),
  );
}

export async function updateFacility(actor: PersonActor, { facilityId, name }: UpdateFacilityInput): Promise<FacilityOutcome> {
  const facility = await getFacilityOrThrow(facilityId);
  assertCan(actor, "admin.manage", regionTarget(facility.regionId));

  return withUniqueKey(duplicateFacility(name), async () =>
    prisma.$transaction(async (tx) => {
      await assertFacilityNameFree(tx, facility.regionId, name, facility.id);
      const updated = await tx.facility.update({ where: { id: facility.id }, data: { name } });
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "facility.updated",
        entityType: "Facility",
        entityId: facility.id,
        before: facilitySnapshot(facility),
        after: facilitySnapshot(updated),
      });
      return { facilityId: facility.id, regionSlug: facility.region.slug };
    }),
  );
}

/**
 * Closes a facility from the next quarter: the facility and every team still operating
 * then retire in that quarter, together (a facility never closes with teams left open).
 */
export async function retireFacility(actor: PersonActor, { facilityId }: FacilityIdInput): Promise<FacilityTeamsOutcome> {
  const facility = await getFacilityOrThrow(facilityId);
  assertCan(actor, "admin.manage", regionTarget(facility.regionId));
  if (facility.retiredQuarter) throw new ConflictError(`${facility.name} is already retired from ${formatQuarter(facility.retiredQuarter as Quarter)}.`);
  const quarter = retirementQuarter();

  return prisma.$transaction(async (tx) => {
    const teams = await tx.team.findMany({
      where: { department: { facilityId: facility.id }, OR: [{ retiredQuarter: null }, { retiredQuarter: { gt: quarter } }] },
      orderBy: { code: "asc" },
    });
    const retired = await tx.facility.update({ where: { id: facility.id }, data: { retiredQuarter: quarter } });
    await tx.team.updateMany({ where: { id: { in: teams.map((team) => team.id) } }, data: { retiredQuarter: quarter } });
    const reason = `Retired with ${facility.name}`;
    for (const team of teams) {
      await recordAudit(tx, { actorId: actor.personId, action: "team.retired", entityType: "Team", entityId: team.id, before: teamSnapshot(team), after: teamSnapshot({ ...team, retiredQuarter: quarter }), reason });
    }
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "facility.retired",
      entityType: "Facility",
      entityId: facility.id,
      before: facilitySnapshot(facility),
      after: { ...facilitySnapshot(retired), teamsRetired: teams.map((team) => team.code) },
    });
    return { facilityId: facility.id, regionSlug: facility.region.slug, teamIds: teams.map((team) => team.id) };
  });
}

/** Opens a retired facility again, with the teams that retired with it (the same quarter); teams retired on their own stay retired. */
export async function reactivateFacility(actor: PersonActor, { facilityId }: FacilityIdInput): Promise<FacilityTeamsOutcome> {
  const facility = await getFacilityOrThrow(facilityId);
  assertCan(actor, "admin.manage", regionTarget(facility.regionId));
  if (!facility.retiredQuarter) throw new ConflictError(`${facility.name} is not retired.`);

  return prisma.$transaction(async (tx) => {
    const teams = await tx.team.findMany({ where: { department: { facilityId: facility.id }, retiredQuarter: facility.retiredQuarter }, orderBy: { code: "asc" } });
    const reactivated = await tx.facility.update({ where: { id: facility.id }, data: { retiredQuarter: null } });
    await tx.team.updateMany({ where: { id: { in: teams.map((team) => team.id) } }, data: { retiredQuarter: null } });
    const reason = `Reactivated with ${facility.name}`;
    for (const team of teams) {
      await recordAudit(tx, { actorId: actor.personId, action: "team.reactivated", entityType: "Team", entityId: team.id, before: teamSnapshot(team), after: teamSnapshot({ ...team, retiredQuarter: null }), reason });
    }
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "facility.reactivated",
      entityType: "Facility",
      entityId: facility.id,
      before: facilitySnapshot(facility),
      after: { ...facilitySnapshot(reactivated), teamsReactivated: teams.map((team) => team.code) },
    });
    return { facilityId: facility.id, regionSlug: facility.region.slug, teamIds: teams.map((team) => team.id) };
  });
}

// ───────────────────────────── departments ─────────────────────────────

export async function createDepartment(actor: PersonActor, { facilityId, name, type }: CreateDepartmentInput): Promise<DepartmentOutcome> {
  const facility = await getFacilityOrThrow(facilityId);
  assertCan(actor, "admin.manage", regionTarget(facility.regionId));

  return withUniqueKey(duplicateDepartment(name, facility.name), async () =>
    prisma.$transaction(async (tx) => {
      await assertDepartmentNameFree(tx, facility, name);
      const department = await tx.department.create({ data: { facilityId: facility.id, regionId: facility.regionId, name, type } });
      await recordAudit(tx, { actorId: actor.personId, action: "department.created", entityType: "Department", entityId: department.id, after: departmentSnapshot(department) });
      return { departmentId: department.id, facilityId: facility.id, regionSlug: facility.region.slug };
    }),
  );
}

export async function updateDepartment(actor: PersonActor, { departmentId, name, type }: UpdateDepartmentInput): Promise<DepartmentOutcome> {
  const department = await getDepartmentOrThrow(departmentId);
  assertCan(actor, "admin.manage", regionTarget(department.regionId));

  return withUniqueKey(duplicateDepartment(name, department.facility.name), async () =>
    prisma.$transaction(async (tx) => {
      await assertDepartmentNameFree(tx, department.facility, name, department.id);
      const updated = await tx.department.update({ where: { id: department.id }, data: { name, type } });
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "department.updated",
        entityType: "Department",
        entityId: department.id,
        before: departmentSnapshot(department),
        after: departmentSnapshot(updated),
      });
      return { departmentId: department.id, facilityId: department.facilityId, regionSlug: department.facility.region.slug };
    }),
  );
}

/** Moves every team of one department to another of the same facility and deletes the emptied one. */
export async function mergeDepartments(actor: PersonActor, { departmentId, intoDepartmentId }: MergeDepartmentsInput): Promise<MergeOutcome> {
  const department = await getDepartmentOrThrow(departmentId);
  assertCan(actor, "admin.manage", regionTarget(department.regionId));
  const into = isUuid(intoDepartmentId) ? await prisma.department.findUnique({ where: { id: intoDepartmentId } }) : null;
  if (!into || into.facilityId !== department.facilityId) {
    throw new InvalidInputError(`Choose another department of ${department.facility.name}`, {
      intoDepartmentId: [`Choose another department of ${department.facility.name}`],
    });
  }

  return prisma.$transaction(async (tx) => {
    const teams = await tx.team.findMany({ where: { departmentId: department.id }, orderBy: { code: "asc" } });
    await tx.team.updateMany({ where: { departmentId: department.id }, data: { departmentId: into.id } });
    await tx.department.delete({ where: { id: department.id } });
    const reason = `${department.name} merged into ${into.name}`;
    for (const team of teams) {
      await recordAudit(tx, { actorId: actor.personId, action: "team.updated", entityType: "Team", entityId: team.id, before: teamSnapshot(team), after: teamSnapshot({ ...team, departmentId: into.id }), reason });
    }
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "department.merged",
      entityType: "Department",
      entityId: department.id,
      before: { ...departmentSnapshot(department), teams: teams.map((team) => team.code) },
      after: { mergedInto: into.id, name: into.name },
      reason,
    });
    return { departmentId: into.id, facilityId: into.facilityId, regionSlug: department.facility.region.slug, movedTeamIds: teams.map((team) => team.id) };
  });
}

// ───────────────────────────── teams ─────────────────────────────

export async function createTeam(actor: PersonActor, { departmentId, code, name, unionLocalId, charteredQuarter }: CreateTeamInput): Promise<TeamOutcome> {
  const department = await getDepartmentOrThrow(departmentId);
  assertCan(actor, "admin.manage", regionTarget(department.regionId));
  assertFacilityOpen(department.facility, "departmentId");
  await assertUnionLocalKnown(unionLocalId);
  assertCharterQuarter(charteredQuarter, null, null);

  return withUniqueKey(duplicateCode(code), async () =>
    prisma.$transaction(async (tx) => {
      await assertCodeFree(tx, code);
      const team = await tx.team.create({ data: { code, name, departmentId: department.id, regionId: department.regionId, unionLocalId, charteredQuarter } });
      await recordAudit(tx, { actorId: actor.personId, action: "team.created", entityType: "Team", entityId: team.id, after: teamSnapshot(team) });
      return { teamId: team.id, facilityId: department.facilityId, regionSlug: department.facility.region.slug };
    }),
  );
}

export async function updateTeam(actor: PersonActor, { teamId, code, name, unionLocalId, charteredQuarter }: UpdateTeamInput): Promise<TeamOutcome> {
  const team = await getTeamOrThrow(teamId);
  assertCan(actor, "admin.manage", { kind: "team", teamId: team.id, regionId: team.regionId });
  await assertUnionLocalKnown(unionLocalId);
  const firstRating = await prisma.rating.findFirst({ where: { teamId: team.id }, orderBy: { quarter: "asc" }, select: { quarter: true } });
  assertCharterQuarter(charteredQuarter, team.retiredQuarter as Quarter | null, (firstRating?.quarter as Quarter | undefined) ?? null);

  return withUniqueKey(duplicateCode(code), async () =>
    prisma.$transaction(async (tx) => {
      await assertCodeFree(tx, code, team.id);
      const updated = await tx.team.update({ where: { id: team.id }, data: { code, name, unionLocalId, charteredQuarter } });
      await recordAudit(tx, { actorId: actor.personId, action: "team.updated", entityType: "Team", entityId: team.id, before: teamSnapshot(team), after: teamSnapshot(updated) });
      return teamOutcome(team);
    }),
  );
}

/**
 * Moves a team to another department, in its region or another: the region moves with the
 * department (the composite key (departmentId, regionId) keeps the two consistent), so a
 * move across regions needs the administrator of both.
 */
export async function moveTeam(actor: PersonActor, { teamId, departmentId }: MoveTeamInput): Promise<MoveOutcome> {
  const team = await getTeamOrThrow(teamId);
  assertCan(actor, "admin.manage", { kind: "team", teamId: team.id, regionId: team.regionId });
  const department = isUuid(departmentId) ? await prisma.department.findUnique({ where: { id: departmentId }, include: departmentInclude }) : null;
  if (!department) throw new InvalidInputError("Choose a department from the list", { departmentId: ["Choose a department from the list"] });
  assertCan(actor, "admin.manage", regionTarget(department.regionId));
  if (department.id === team.departmentId) {
    throw new InvalidInputError(`${team.name} is already in ${department.name}`, { departmentId: [`The team is already in ${department.name}: choose another department`] });
  }
  assertFacilityOpen(department.facility, "departmentId");

  return prisma.$transaction(async (tx) => {
    const moved = await tx.team.update({ where: { id: team.id }, data: { departmentId: department.id, regionId: department.regionId } });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "team.updated",
      entityType: "Team",
      entityId: team.id,
      before: teamSnapshot(team),
      after: teamSnapshot(moved),
      reason: `Moved from ${team.department.name} (${team.department.facility.name}) to ${department.name} (${department.facility.name})`,
    });
    return { teamId: team.id, facilityId: department.facilityId, regionSlug: department.facility.region.slug, from: teamOutcome(team) };
  });
}

/** Retires a team from the next quarter: it counts in this quarter's roll-ups and queues, not from then on; its history stays. */
export async function retireTeam(actor: PersonActor, { teamId }: TeamIdInput): Promise<TeamOutcome> {
  const team = await getTeamOrThrow(teamId);
  assertCan(actor, "admin.manage", { kind: "team", teamId: team.id, regionId: team.regionId });
  if (team.retiredQuarter) throw new ConflictError(`${team.name} is already retired from ${formatQuarter(team.retiredQuarter as Quarter)}.`);

  return prisma.$transaction(async (tx) => {
    const retired = await tx.team.update({ where: { id: team.id }, data: { retiredQuarter: retirementQuarter() } });
    await recordAudit(tx, { actorId: actor.personId, action: "team.retired", entityType: "Team", entityId: team.id, before: teamSnapshot(team), after: teamSnapshot(retired) });
    return teamOutcome(team);
  });
}

/** Brings a retired team back: it operates again in every quarter from its charter on. Its facility must be open. */
export async function reactivateTeam(actor: PersonActor, { teamId }: TeamIdInput): Promise<TeamOutcome> {
  const team = await getTeamOrThrow(teamId);
  assertCan(actor, "admin.manage", { kind: "team", teamId: team.id, regionId: team.regionId });
  if (!team.retiredQuarter) throw new ConflictError(`${team.name} is not retired.`);
  assertFacilityOpen(team.department.facility);

  return prisma.$transaction(async (tx) => {
    const reactivated = await tx.team.update({ where: { id: team.id }, data: { retiredQuarter: null } });
    await recordAudit(tx, { actorId: actor.personId, action: "team.reactivated", entityType: "Team", entityId: team.id, before: teamSnapshot(team), after: teamSnapshot(reactivated) });
    return teamOutcome(team);
  });
}

// ───────────────────────────── shared steps ─────────────────────────────

const facilityInclude = { region: { select: { slug: true } } } as const;
const departmentInclude = { facility: { include: facilityInclude } } as const;

type FacilityWithRegion = Facility & { region: { slug: string } };
type DepartmentWithFacility = Department & { facility: FacilityWithRegion };
type TeamWithPlace = Team & { department: DepartmentWithFacility };

async function getFacilityOrThrow(facilityId: string): Promise<FacilityWithRegion> {
  const facility = isUuid(facilityId) ? await prisma.facility.findUnique({ where: { id: facilityId }, include: facilityInclude }) : null;
  if (!facility) throw new NotFoundError("Unknown facility: it does not exist or was removed.");
  return facility;
}

async function getDepartmentOrThrow(departmentId: string): Promise<DepartmentWithFacility> {
  const department = isUuid(departmentId) ? await prisma.department.findUnique({ where: { id: departmentId }, include: departmentInclude }) : null;
  if (!department) throw new NotFoundError("Unknown department: it does not exist or was merged into another.");
  return department;
}

async function getTeamOrThrow(teamId: string): Promise<TeamWithPlace> {
  const team = isUuid(teamId) ? await prisma.team.findUnique({ where: { id: teamId }, include: { department: { include: departmentInclude } } }) : null;
  if (!team) throw new NotFoundError("Unknown team: it does not exist or was removed.");
  return team;
}

function teamOutcome(team: TeamWithPlace): TeamOutcome {
  return { teamId: team.id, facilityId: team.department.facilityId, regionSlug: team.department.facility.region.slug };
}

/** A closed facility takes no new teams, and its teams come back only with it. */
function assertFacilityOpen(facility: Facility, field?: string): void {
  if (!facility.retiredQuarter) return;
  const message = `${facility.name} is retired from ${formatQuarter(facility.retiredQuarter as Quarter)}; reactivate the facility first.`;
  throw field ? new ConflictError(message, { field }) : new ConflictError(message);
}

async function assertUnionLocalKnown(unionLocalId: string | null): Promise<void> {
  if (unionLocalId && !(await prisma.unionLocal.findUnique({ where: { id: unionLocalId }, select: { id: true } }))) {
    throw new InvalidInputError("Choose a union local from the list", { unionLocalId: ["Choose a union local from the list"] });
  }
}

/** A team is chartered in a quarter that has begun, before it retired, and no later than its first rating. */
function assertCharterQuarter(charteredQuarter: Quarter, retiredQuarter: Quarter | null, firstRated: Quarter | null): void {
  const refuse = (message: string) => {
    throw new InvalidInputError(message, { charteredQuarter: [message] });
  };
  const now = currentQuarter();
  if (compareQuarters(charteredQuarter, now) > 0) refuse(`Choose ${now} or earlier: a team is chartered in a quarter that has begun`);
  if (retiredQuarter && compareQuarters(charteredQuarter, retiredQuarter) >= 0) refuse(`Choose a quarter before ${retiredQuarter}, when the team retires`);
  if (firstRated && compareQuarters(charteredQuarter, firstRated) > 0) refuse(`Choose ${firstRated} or earlier: the team has a rating for ${formatQuarter(firstRated)}`);
}

// Names are compared whatever their capitals (two "Pharmacy" departments would be ambiguous);
// the unique keys decide between two people saving the same name at once.

async function assertFacilityNameFree(tx: Tx, regionId: string, name: string, exceptId?: string): Promise<void> {
  const twin = await tx.facility.findFirst({ where: { regionId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (twin) throw duplicateFacility(twin.name);
}

async function assertDepartmentNameFree(tx: Tx, facility: Facility, name: string, exceptId?: string): Promise<void> {
  const twin = await tx.department.findFirst({
    where: { facilityId: facility.id, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (twin) throw duplicateDepartment(twin.name, facility.name);
}

async function assertCodeFree(tx: Tx, code: string, exceptId?: string): Promise<void> {
  const twin = await tx.team.findFirst({ where: { code: { equals: code, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { code: true, name: true } });
  if (twin) throw new ConflictError(`${twin.code} is already the code of ${twin.name}. Choose another code.`, { field: "code" });
}

function duplicateFacility(name: string): ConflictError {
  return new ConflictError(`This region already has a facility named "${name}". Choose another name.`, { field: "name" });
}

function duplicateDepartment(name: string, facilityName: string): ConflictError {
  return new ConflictError(`${facilityName} already has a department named "${name}". Choose another name, or merge the two.`, { field: "name" });
}

function duplicateCode(code: string): ConflictError {
  return new ConflictError(`${code} is already another team's code. Choose another code.`, { field: "code" });
}

async function withUniqueKey<T>(duplicate: ConflictError, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate;
    throw error;
  }
}

function facilitySnapshot({ regionId, name, retiredQuarter }: Facility): Prisma.InputJsonObject {
  return { regionId, name, retiredQuarter };
}

function departmentSnapshot({ facilityId, regionId, name, type }: Department): Prisma.InputJsonObject {
  return { facilityId, regionId, name, type };
}

function teamSnapshot({ code, name, departmentId, regionId, unionLocalId, charteredQuarter, retiredQuarter }: Team): Prisma.InputJsonObject {
  return { code, name, departmentId, regionId, unionLocalId, charteredQuarter, retiredQuarter };
}
