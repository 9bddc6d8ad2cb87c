import "server-only";
// Mutation logic takes the actor and parsed input explicitly so integration tests can
// drive it on a real database; lib/actions/cycles.ts wraps it for the browser.
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import type { PdsaCycle, Prisma } from "@/lib/generated/prisma/client";
import { getEditableProjectOrThrow, recordProjectChange } from "@/lib/services/project-activity";
import type { AddCycleInput, UpdateCycleInput } from "@/lib/validation/cycles";
import { toDayString } from "@/lib/validation/dates";

type Tx = Prisma.TransactionClient;

/** The cycle a change was made to, and the project and team whose pages show it. */
export type CycleChange = { cycleId: string; number: number; projectId: string; teamId: string };

/** Starts the project's next PDSA cycle, numbered 1, 2, 3… in the order they are added. */
export async function addCycle(actor: PersonActor, { projectId, plan, prediction, startDate, endDate }: AddCycleInput): Promise<CycleChange> {
  const project = await getEditableProjectOrThrow(actor, projectId);
  assertEndNotBeforeStart(startDate, endDate ?? null);
  return prisma.$transaction(async (tx) => {
    const number = await nextCycleNumber(tx, projectId);
    const cycle = await tx.pdsaCycle.create({
      data: { projectId, number, plan, prediction: prediction ?? null, startDate, endDate: endDate ?? null },
    });
    await recordProjectChange(tx, actor, projectId, { action: "cycle.added", entityType: "PdsaCycle", entityId: cycle.id, after: cycleSnapshot(cycle) });
    return { cycleId: cycle.id, number, projectId, teamId: project.team.teamId };
  });
}

/** Records how the test went: do, study, act (the decision) and when it ended. Fields left out stay as they are. */
export async function updateCycle(actor: PersonActor, { cycleId, ...changes }: UpdateCycleInput): Promise<CycleChange> {
  const before = await prisma.pdsaCycle.findUnique({ where: { id: cycleId } });
  if (!before) throw new NotFoundError("Unknown PDSA cycle: it does not exist or was removed.");
  const project = await getEditableProjectOrThrow(actor, before.projectId);
  const change = { cycleId, number: before.number, projectId: before.projectId, teamId: project.team.teamId };
  assertEndNotBeforeStart(before.startDate, changes.endDate === undefined ? before.endDate : changes.endDate);
  // Saving an unchanged form is not activity: it would reset the 90-day clock without documenting anything.
  const after = { ...before, ...definedOnly(changes) };
  if (JSON.stringify(cycleSnapshot(after)) === JSON.stringify(cycleSnapshot(before))) return change;

  await prisma.$transaction(async (tx) => {
    await tx.pdsaCycle.update({ where: { id: cycleId }, data: changes });
    await recordProjectChange(tx, actor, before.projectId, {
      action: "cycle.updated",
      entityType: "PdsaCycle",
      entityId: cycleId,
      before: cycleSnapshot(before),
      after: cycleSnapshot(after),
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

function cycleSnapshot(cycle: Omit<PdsaCycle, "id" | "createdAt">) {
  return {
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
