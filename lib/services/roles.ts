import "server-only";
// Who holds which role, where and when: administrators grant, end and hand over roles whose
// place they administer (lib/auth/admin-reach.ts). History is kept: a role ends, never vanishes.
import { assertCanAdministerRole, type RolePlace } from "@/lib/auth/admin-reach";
import type { PersonActor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import { getPersonOrThrow } from "@/lib/data/people";
import { isUuid } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { addDays, endProblem, handoverProblem } from "@/lib/domain/role-assignments";
import { HANDOVER_ROLES, ROLE_LABELS } from "@/lib/domain/roles";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { formatDay } from "@/lib/format";
import type { Person, Prisma, RoleAssignment } from "@/lib/generated/prisma/client";
import { insertPerson } from "@/lib/services/people";
import { todayUtc, toDayString } from "@/lib/validation/dates";
import type { EndRoleInput, GrantRoleInput, HandOverRoleInput, RolePlaceInput } from "@/lib/validation/roles";

type Tx = Prisma.TransactionClient;

/** What a role change touched: the person's page and, for a team's role, the team's page. */
export type RoleOutcome = { assignmentId: string; personIds: string[]; teamId: string | null };

/** Gives the person a role at a place, from a day (and until one, if given). */
export async function grantRole(actor: PersonActor, { personId, role, place, startDate, endDate }: GrantRoleInput): Promise<RoleOutcome> {
  const person = await getPersonOrThrow(personId);
  const resolved = await resolvePlace(place);
  assertCanAdministerRole(actor, resolved);
  return prisma.$transaction(async (tx) => {
    const period = { startDate, endDate };
    const clash = await overlappingHolding(tx, person.id, role, resolved, period);
    if (clash) {
      throw new ConflictError(`${person.displayName} already holds this role there from ${formatDay(clash.startDate)}${clash.endDate ? ` to ${formatDay(clash.endDate)}` : ""}.`, {
        field: "startDate",
      });
    }
    const granted = await tx.roleAssignment.create({ data: { personId: person.id, role, teamId: resolved.teamId, regionId: resolved.regionId, ...period } });
    await recordAudit(tx, { actorId: actor.personId, action: "role.granted", entityType: "RoleAssignment", entityId: granted.id, after: snapshot(granted) });
    return { assignmentId: granted.id, personIds: [person.id], teamId: granted.teamId };
  });
}

/** Ends a role on a day (its last day held); the assignment stays as history. */
export async function endRole(actor: PersonActor, { assignmentId, endDate }: EndRoleInput): Promise<RoleOutcome> {
  const assignment = await getAssignmentOrThrow(assignmentId);
  assertCanAdministerRole(actor, await placeOf(assignment));
  const problem = endProblem(assignment, endDate, todayUtc());
  if (problem) throw new InvalidInputError(problem, { endDate: [problem] });
  return prisma.$transaction(async (tx) => {
    const ended = await tx.roleAssignment.update({ where: { id: assignment.id }, data: { endDate } });
    await recordAudit(tx, { actorId: actor.personId, action: "role.ended", entityType: "RoleAssignment", entityId: assignment.id, before: snapshot(assignment), after: snapshot(ended) });
    return { assignmentId: assignment.id, personIds: [assignment.personId], teamId: assignment.teamId };
  });
}

/**
 * Hands a team's co-lead or sponsor role to a successor, in one transaction: the holder's
 * assignment ends the day before `day`, the successor's begins on it. Both stay on record.
 */
export async function handOverRole(actor: PersonActor, { assignmentId, day, successor }: HandOverRoleInput): Promise<RoleOutcome> {
  const assignment = await getAssignmentOrThrow(assignmentId);
  const place = await placeOf(assignment);
  assertCanAdministerRole(actor, place);
  if (!HANDOVER_ROLES.includes(assignment.role) || assignment.teamId === null) {
    throw new ConflictError(`Only a team's co-lead and sponsor roles are handed over: end this ${ROLE_LABELS[assignment.role]} role and grant it to someone else.`);
  }
  const teamId = assignment.teamId;

  return prisma.$transaction(async (tx) => {
    const successorPerson =
      successor.kind === "existing"
        ? await findSuccessor(tx, successor.emailOrEmployeeId)
        : await insertPerson(tx, actor, { displayName: successor.displayName, email: successor.email }, { fieldNames: { email: "successorEmail" } });
    const successorHoldsRole = (await overlappingHolding(tx, successorPerson.id, assignment.role, place, { startDate: day, endDate: null })) !== null;
    const problem = handoverProblem({ holder: assignment, successorId: successorPerson.id, day, today: todayUtc(), successorHoldsRole });
    if (problem) {
      const field = problem.field === "day" ? "day" : successor.kind === "existing" ? "successorKey" : "successorEmail";
      throw new InvalidInputError(problem.message, { [field]: [problem.message] });
    }
    const ended = await tx.roleAssignment.update({ where: { id: assignment.id }, data: { endDate: addDays(day, -1) } });
    const granted = await tx.roleAssignment.create({
      data: { personId: successorPerson.id, role: assignment.role, teamId, regionId: assignment.regionId, startDate: day, endDate: null },
    });
    const audit = { actorId: actor.personId, entityType: "RoleAssignment" } as const;
    await recordAudit(tx, { ...audit, action: "role.ended", entityId: assignment.id, before: snapshot(assignment), after: snapshot(ended), reason: "Handed over" });
    await recordAudit(tx, { ...audit, action: "role.granted", entityId: granted.id, after: snapshot(granted), reason: "Handed over" });
    await recordAudit(tx, {
      ...audit,
      action: "role.handedOver",
      entityId: assignment.id,
      before: snapshot(assignment),
      after: { from: assignment.personId, to: successorPerson.id, day: toDayString(day), endedAssignment: snapshot(ended), grantedAssignment: { id: granted.id, ...snapshot(granted) } },
    });
    return { assignmentId: granted.id, personIds: [assignment.personId, successorPerson.id], teamId };
  });
}

// ───────────────────────────── shared steps ─────────────────────────────

async function getAssignmentOrThrow(assignmentId: string): Promise<RoleAssignment> {
  const assignment = isUuid(assignmentId) ? await prisma.roleAssignment.findUnique({ where: { id: assignmentId } }) : null;
  if (!assignment) throw new NotFoundError("Unknown role assignment: it does not exist or was removed.");
  return assignment;
}

/** A form's place → the records' place; an unknown team code or region is refused beside its field. */
async function resolvePlace(place: RolePlaceInput): Promise<RolePlace> {
  if (place.kind === "national") return { teamId: null, teamRegionId: null, regionId: null };
  if (place.kind === "region") {
    const region = await prisma.region.findUnique({ where: { id: place.regionId }, select: { id: true } });
    if (!region) throw new InvalidInputError("Choose a region from the list", { region: ["Choose a region from the list"] });
    return { teamId: null, teamRegionId: null, regionId: region.id };
  }
  const team = await prisma.team.findUnique({ where: { code: place.teamCode }, select: { id: true, regionId: true } });
  if (!team) throw new InvalidInputError(`No team has the code ${place.teamCode}.`, { teamCode: [`No team has the code ${place.teamCode}`] });
  return { teamId: team.id, teamRegionId: team.regionId, regionId: null };
}

async function placeOf(assignment: RoleAssignment): Promise<RolePlace> {
  if (assignment.teamId === null) return { teamId: null, teamRegionId: null, regionId: assignment.regionId };
  const team = await prisma.team.findUniqueOrThrow({ where: { id: assignment.teamId }, select: { regionId: true } });
  return { teamId: assignment.teamId, teamRegionId: team.regionId, regionId: null };
}

/** The person's holding of this role at this place that shares a day with the period, if any. */
async function overlappingHolding(tx: Tx, personId: string, role: RoleAssignment["role"], place: RolePlace, period: { startDate: Date; endDate: Date | null }) {
  return tx.roleAssignment.findFirst({
    where: {
      personId,
      role,
      // A team's role is the team's whatever region its row names; elsewhere the region (or none: national) is the place.
      ...(place.teamId !== null ? { teamId: place.teamId } : { teamId: null, regionId: place.regionId }),
      ...(period.endDate ? { startDate: { lte: period.endDate } } : {}),
      OR: [{ endDate: null }, { endDate: { gte: period.startDate } }],
    },
    select: { startDate: true, endDate: true },
  });
}

/** The successor named by email or employee id (either in any case); someone unknown is refused beside the field. */
async function findSuccessor(tx: Tx, key: string): Promise<Person> {
  const person = await tx.person.findFirst({
    where: key.includes("@") ? { email: key.toLowerCase() } : { employeeId: { equals: key, mode: "insensitive" } },
  });
  if (!person) {
    const message = `Nobody on the records has the ${key.includes("@") ? "email" : "employee id"} ${key}: check it, or add them as someone new.`;
    throw new InvalidInputError(message, { successorKey: [message] });
  }
  return person;
}

function snapshot(assignment: RoleAssignment): Prisma.InputJsonObject {
  return {
    personId: assignment.personId,
    role: assignment.role,
    teamId: assignment.teamId,
    regionId: assignment.regionId,
    startDate: toDayString(assignment.startDate),
    endDate: assignment.endDate && toDayString(assignment.endDate),
  };
}
