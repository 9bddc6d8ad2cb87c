import "server-only";
// Mutation logic takes the actor and parsed input explicitly so integration tests can
// drive it on a real database; lib/actions/cycles.ts wraps it for the browser.
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import type { PdsaCycle, Prisma } from "@/lib/generated/prisma/client";
import { namesOf, rosterPeopleOrThrow, type NamedPerson } from "@/lib/services/named-people";
import { getEditableProjectOrThrow, recordProjectChange } from "@/lib/services/project-activity";
import type { AddCycleInput, UpdateCycleInput } from "@/lib/validation/cycles";
import { toDayString } from "@/lib/validation/dates";

type Tx = Prisma.TransactionClient;

/** The cycle a change was made to, and the project and team whose pages show it. */
export type CycleChange = { cycleId: string; number: number; projectId: string; teamId: string };

/** Starts the project's next PDSA cycle, numbered 1, 2, 3… in the order they are added. */
export async function addCycle(actor: PersonActor, { projectId, plan, prediction, startDate, endDate, participantIds }: AddCycleInput): Promise<CycleChange> {
  const project = await getEditableProjectOrThrow(actor, projectId);
  assertEndNotBeforeStart(startDate, endDate ?? null);
  const participants = await rosterPeopleOrThrow(project.team.teamId, participantIds, "participantIds");
  return prisma.$transaction(async (tx) => {
    const number = await nextCycleNumber(tx, projectId);
    const cycle = await tx.pdsaCycle.create({
      data: {
        projectId,
        teamId: project.team.teamId,
        number,
        plan,
        prediction: prediction ?? null,
        startDate,
        endDate: endDate ?? null,
        participants: { create: participants.map((person) => ({ personId: person.id })) },
      },
    });
    await recordProjectChange(tx, actor, projectId, { action: "cycle.added", entityType: "PdsaCycle", entityId: cycle.id, after: cycleSnapshot(cycle, participants) });
    return { cycleId: cycle.id, number, projectId, teamId: project.team.teamId };
  });
}

/** Records how the test went: do, study, act (the decision) and when it ended. Fields left out stay as they are. */
export async function updateCycle(actor: PersonActor, { cycleId, participantIds, ...changes }: UpdateCycleInput): Promise<CycleChange> {
  const found = await prisma.pdsaCycle.findUnique({ where: { id: cycleId }, include: { participants: { select: { person: { select: { id: true, displayName: true } } } } } });
  if (!found) throw new NotFoundError("Unknown PDSA cycle: it does not exist or was removed.");
  const { participants: rows, ...before } = found;
  const project = await getEditableProjectOrThrow(actor, before.projectId);
  const change = { cycleId, number: before.number, projectId: before.projectId, teamId: project.team.teamId };
  assertEndNotBeforeStart(before.startDate, changes.endDate === undefined ? before.endDate : changes.endDate);
  const participantsBefore = rows.map(({ person }) => ({ id: person.id, name: person.displayName }));
  // People already named stay named even if they have since left the roster; only newly named people must be on it.
  const kept = participantIds === undefined ? participantsBefore : participantsBefore.filter((person) => participantIds.includes(person.id));
  const added = await rosterPeopleOrThrow(project.team.teamId, (participantIds ?? []).filter((id) => !kept.some((person) => person.id === id)), "participantIds");
  const participants = [...kept, ...added];
  // Saving an unchanged form is not activity: it would reset the 90-day clock without documenting anything.
  const after = { ...before, ...definedOnly(changes) };
  if (JSON.stringify(cycleSnapshot(after, participants)) === JSON.stringify(cycleSnapshot(before, participantsBefore))) return change;

  await prisma.$transaction(async (tx) => {
    await tx.pdsaCycle.update({ where: { id: cycleId }, data: changes });
    await tx.pdsaCycleParticipant.deleteMany({ where: { cycleId, personId: { notIn: participants.map((person) => person.id) } } });
    await tx.pdsaCycleParticipant.createMany({ data: added.map((person) => ({ cycleId, personId: person.id })), skipDuplicates: true });
    await recordProjectChange(tx, actor, before.projectId, {
      action: "cycle.updated",
      entityType: "PdsaCycle",
      entityId: cycleId,
      before: cycleSnapshot(before, participantsBefore),
      after: cycleSnapshot(after, participants),
    });
  });
  return change;
}

/**
 * The next number, chosen under a lock on the project row: two cycles added at
 * once take turns here, so the second sees the first and numbers after it.
 */
async function nextCycleNumber(tx: Tx, projectId: string): Promise<number> {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId}::uuid FOR UPDATE`;
  const last = await tx.pdsaCycle.aggregate({ where: { projectId }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}

function assertEndNotBeforeStart(startDate: Date, endDate: Date | null): void {
  if (endDate !== null && endDate < startDate) {
    throw new InvalidInputError(`The end date cannot be before the cycle's start date (${toDayString(startDate)}).`, {
      endDate: [`Choose ${toDayString(startDate)} or later`],
    });
  }
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function cycleSnapshot(cycle: Omit<PdsaCycle, "id" | "createdAt">, participants: readonly NamedPerson[]) {
  return {
    participants: namesOf(participants),
    projectId: cycle.projectId,
    number: cycle.number,
    plan: cycle.plan,
    prediction: cycle.prediction,
    doNotes: cycle.doNotes,
    study: cycle.study,
    decision: cycle.decision,
    actNotes: cycle.actNotes,
    startDate: toDayString(cycle.startDate),
    endDate: cycle.endDate && toDayString(cycle.endDate),
  };
}
