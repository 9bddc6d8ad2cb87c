import "server-only";
// A team's roster: who is on the team and the key roles they hold. Its co-leads and
// administrators keep it; adding someone never edits their record (people are the
// administrators'), it only names them as a member.
import { recordAudit } from "@/lib/audit";
import { assertCan, type PersonActor } from "@/lib/auth/permissions";
import { getTeamTargetOrThrow, isUuid } from "@/lib/data/teams";
import { isUniqueViolation } from "@/lib/db-errors";
import { prisma } from "@/lib/db";
import { formatDay } from "@/lib/format";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Person, Prisma, TeamMember } from "@/lib/generated/prisma/client";
import { toDayString } from "@/lib/validation/dates";
import { insertPerson } from "@/lib/services/people";
import type { AddRosterMemberInput, RecordMemberLeftInput, SetKeyRolesInput } from "@/lib/validation/roster";

export type RosterOutcome = { teamId: string; memberId: string; displayName: string };

/** Adds a person to the roster: the one on record with this email or employee id, or a new one. */
export async function addRosterMember(actor: PersonActor, input: AddRosterMemberInput): Promise<RosterOutcome & { existingPerson: boolean }> {
  const team = await getTeamTargetOrThrow(input.teamId);
  assertCan(actor, "roster.edit", team);
  const known = await personOnRecord(input);
  if (known) await assertMayJoin(team.teamId, known.person, known.matchedBy, input.joinedOn);

  try {
    return await prisma.$transaction(async (tx) => {
      const { displayName, email, employeeId } = input;
      const person = known?.person ?? (await insertPerson(tx, actor, { displayName, email: email ?? undefined, employeeId: employeeId ?? undefined }, { reason: "Added to a team's roster" }));
      const member = await tx.teamMember.create({ data: { teamId: team.teamId, personId: person.id, joinedOn: input.joinedOn, keyRoles: input.keyRoles } });
      await recordAudit(tx, { actorId: actor.personId, action: "roster.memberAdded", entityType: "TeamMember", entityId: member.id, after: memberSnapshot(member, person) });
      return { teamId: team.teamId, memberId: member.id, displayName: person.displayName, existingPerson: Boolean(known) };
    });
  } catch (error) {
    // Someone else saved the same email or employee id (or the same membership) at this very moment.
    if (isUniqueViolation(error)) throw new ConflictError("Someone else just added this person. Reload the page to see the roster as it is now.");
    throw error;
  }
}

/** Sets the key roles a current member holds (facilitator, recorder, health and safety champion). */
export async function setKeyRoles(actor: PersonActor, { memberId, keyRoles }: SetKeyRolesInput): Promise<RosterOutcome> {
  const member = await getCurrentMemberOrThrow(actor, memberId);
  return updateMember(actor, member, { keyRoles });
}

/** Records the day a member left; they stay on the roster's past members with the roles they held. */
export async function recordMemberLeft(actor: PersonActor, { memberId, leftOn }: RecordMemberLeftInput): Promise<RosterOutcome> {
  const member = await getCurrentMemberOrThrow(actor, memberId);
  if (leftOn < member.joinedOn) {
    const message = `Choose ${formatDay(member.joinedOn)} or later: ${member.person.displayName} joined on that day`;
    throw new InvalidInputError(message, { leftOn: [message] });
  }
  return updateMember(actor, member, { leftOn }, "Left the team");
}

// ───────────────────────────── shared steps ─────────────────────────────

type MatchedBy = "email" | "employeeId";

/** The person the email or employee id names, if any; the two must not name two different people. */
async function personOnRecord({ email, employeeId }: AddRosterMemberInput): Promise<{ person: Person; matchedBy: MatchedBy } | null> {
  const [byEmail, byEmployeeId] = await Promise.all([
    email ? prisma.person.findUnique({ where: { email } }) : null,
    employeeId ? prisma.person.findUnique({ where: { employeeId } }) : null,
  ]);
  if (byEmail && byEmployeeId && byEmail.id !== byEmployeeId.id) {
    throw new InvalidInputError(`This email is ${byEmail.displayName}'s and this employee id ${byEmployeeId.displayName}'s: give the one of the person you mean.`, {
      email: [`This is ${byEmail.displayName}'s email`],
      employeeId: [`This is ${byEmployeeId.displayName}'s employee id`],
    });
  }
  // One matched and the other key was given: it must not contradict what is on record.
  if (byEmail && employeeId && byEmail.employeeId && byEmail.employeeId !== employeeId) {
    throw new InvalidInputError(`${byEmail.displayName} is on record with another employee id.`, {
      employeeId: [`${byEmail.displayName} is on record with another employee id: leave it empty, or ask an administrator to correct it`],
    });
  }
  if (byEmployeeId && email && byEmployeeId.email && byEmployeeId.email !== email) {
    throw new InvalidInputError(`${byEmployeeId.displayName} is on record with another email.`, {
      email: [`${byEmployeeId.displayName} is on record with another email: leave it empty, or ask an administrator to correct it`],
    });
  }
  if (byEmail) return { person: byEmail, matchedBy: "email" };
  if (byEmployeeId) return { person: byEmployeeId, matchedBy: "employeeId" };
  return null;
}

/** A person is on a team once at a time: not while a current member, nor from before they last left. */
async function assertMayJoin(teamId: string, person: Person, matchedBy: MatchedBy, joinedOn: Date): Promise<void> {
  const memberships = await prisma.teamMember.findMany({ where: { teamId, personId: person.id }, orderBy: { joinedOn: "desc" } });
  const current = memberships.find((membership) => membership.leftOn === null);
  if (current) {
    throw new ConflictError(`${person.displayName} is already a member of this team (since ${formatDay(current.joinedOn)}).`, { field: matchedBy });
  }
  const lastLeft = memberships.find((membership) => membership.leftOn !== null && membership.leftOn >= joinedOn);
  if (lastLeft) {
    const message = `Choose a day after ${formatDay(lastLeft.leftOn!)}, when ${person.displayName} last left the team`;
    throw new InvalidInputError(message, { joinedOn: [message] });
  }
}

async function updateMember(
  actor: PersonActor,
  member: TeamMember & { person: Person },
  data: Pick<Prisma.TeamMemberUpdateInput, "keyRoles" | "leftOn">,
  reason: string | null = null,
): Promise<RosterOutcome> {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.teamMember.update({ where: { id: member.id }, data });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "roster.memberUpdated",
      entityType: "TeamMember",
      entityId: member.id,
      before: memberSnapshot(member, member.person),
      after: memberSnapshot(updated, member.person),
      reason,
    });
    return { teamId: member.teamId, memberId: member.id, displayName: member.person.displayName };
  });
}

/** A member whose roster the actor may edit, still on the team (past memberships are history). */
async function getCurrentMemberOrThrow(actor: PersonActor, memberId: string): Promise<TeamMember & { person: Person }> {
  const member = isUuid(memberId) ? await prisma.teamMember.findUnique({ where: { id: memberId }, include: { person: true } }) : null;
  if (!member) throw new NotFoundError("Unknown roster member: they are not on this team's roster.");
  assertCan(actor, "roster.edit", await getTeamTargetOrThrow(member.teamId));
  if (member.leftOn) throw new ConflictError(`${member.person.displayName} left the team on ${formatDay(member.leftOn)}; only current members can be changed.`);
  return member;
}

function memberSnapshot(member: TeamMember, person: Person): Prisma.InputJsonObject {
  return {
    teamId: member.teamId,
    personId: member.personId,
    displayName: person.displayName,
    joinedOn: toDayString(member.joinedOn),
    leftOn: member.leftOn && toDayString(member.leftOn),
    keyRoles: member.keyRoles,
  };
}
