import "server-only";
// Mutation logic takes the actor and parsed input explicitly so integration tests can
// drive it on a real database; lib/actions/measures.ts wraps it for the browser.
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Measure, Prisma } from "@/lib/generated/prisma/client";
import { rosterPeopleOrThrow } from "@/lib/services/named-people";
import { getEditableProjectOrThrow, recordProjectChange } from "@/lib/services/project-activity";
import { toDayString } from "@/lib/validation/dates";
import type { AddDataPointInput, AddMeasureInput, RemoveDataPointInput, RemoveMeasureInput, UpdateMeasureInput } from "@/lib/validation/measures";

/** The measure a change was made to, and the project and team whose pages show it. */
export type MeasureChange = { measureId: string; projectId: string; teamId: string };

type Tx = Prisma.TransactionClient;

// ───────────────────────────── measures ─────────────────────────────

/** Adds a measure to a project; its name must be new to the project. */
export async function addMeasure(actor: PersonActor, { projectId, ...fields }: AddMeasureInput): Promise<MeasureChange> {
  const project = await getEditableProjectOrThrow(actor, projectId);
  return withUniqueName(fields.name, () =>
    prisma.$transaction(async (tx) => {
      await assertNameFree(tx, projectId, fields.name);
      const measure = await tx.measure.create({ data: { projectId, ...fields } });
      await recordProjectChange(tx, actor, projectId, { action: "measure.added", entityType: "Measure", entityId: measure.id, after: measureSnapshot(measure) });
      return { measureId: measure.id, projectId, teamId: project.team.teamId };
    }),
  );
}

/** Renames or redefines a measure; its data points stay. A save that changes nothing writes nothing (it is not an update for the 90-day rule). */
export async function updateMeasure(actor: PersonActor, { measureId, ...fields }: UpdateMeasureInput): Promise<MeasureChange> {
  const before = await getMeasureOrThrow(measureId);
  const project = await getEditableProjectOrThrow(actor, before.projectId);
  const change = { measureId, projectId: before.projectId, teamId: project.team.teamId };
  if (sameMeasure(before, { ...before, ...fields })) return change;
  return withUniqueName(fields.name, () =>
    prisma.$transaction(async (tx) => {
      await assertNameFree(tx, before.projectId, fields.name, measureId);
      const after = await tx.measure.update({ where: { id: measureId }, data: fields });
      await recordProjectChange(tx, actor, before.projectId, {
        action: "measure.updated",
        entityType: "Measure",
        entityId: measureId,
        before: measureSnapshot(before),
        after: measureSnapshot(after),
      });
      return change;
    }),
  );
}

/** Removes a measure with its data points; the audit entry keeps how many there were. */
export async function removeMeasure(actor: PersonActor, { measureId }: RemoveMeasureInput): Promise<MeasureChange> {
  const measure = await getMeasureOrThrow(measureId);
  const project = await getEditableProjectOrThrow(actor, measure.projectId);
  await prisma.$transaction(async (tx) => {
    const dataPoints = await tx.dataPoint.count({ where: { measureId } });
    await tx.measure.delete({ where: { id: measureId } });
    await recordProjectChange(tx, actor, measure.projectId, {
      action: "measure.removed",
      entityType: "Measure",
      entityId: measureId,
      before: { ...measureSnapshot(measure), dataPoints },
    });
  });
  return { measureId, projectId: measure.projectId, teamId: project.team.teamId };
}

async function getMeasureOrThrow(measureId: string): Promise<Measure> {
  const measure = await prisma.measure.findUnique({ where: { id: measureId } });
  if (!measure) throw new NotFoundError("Unknown measure: it does not exist or was removed.");
  return measure;
}

/**
 * Two measures of one project cannot share a name (whatever its capitals): the run
 * charts and the removal dialogs name measures, so a twin would be ambiguous.
 */
async function assertNameFree(tx: Tx, projectId: string, name: string, exceptMeasureId?: string): Promise<void> {
  const twin = await tx.measure.findFirst({
    where: { projectId, name: { equals: name, mode: "insensitive" }, ...(exceptMeasureId ? { id: { not: exceptMeasureId } } : {}) },
    select: { name: true },
  });
  if (twin) throw duplicateName(twin.name);
}

/** The unique key (project, name) decides between two people saving the same name at once. */
async function withUniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

function duplicateName(name: string): ConflictError {
  return new ConflictError(`This project already has a measure named "${name}". Choose another name, or edit that measure.`, { field: "name" });
}

function measureSnapshot({ projectId, name, kind, unit, baseline, target, direction }: Measure) {
  return { projectId, name, kind, unit, baseline, target, direction };
}

function sameMeasure(a: Measure, b: Measure): boolean {
  return JSON.stringify(measureSnapshot(a)) === JSON.stringify(measureSnapshot(b));
}

// ───────────────────────────── data points ─────────────────────────────

/** The data point a change was made to, with where it shows. */
export type DataPointChange = MeasureChange & { dataPointId: string };

/** Records one value of a measure; a day holds one value, so a second one is refused rather than overwriting the first. */
export async function addDataPoint(actor: PersonActor, { measureId, date, value, collectedById }: AddDataPointInput): Promise<DataPointChange> {
  const measure = await getMeasureOrThrow(measureId);
  const project = await getEditableProjectOrThrow(actor, measure.projectId);
  const [collector] = await rosterPeopleOrThrow(project.team.teamId, collectedById ? [collectedById] : [], "collectedById");
  try {
    return await prisma.$transaction(async (tx) => {
      const point = await tx.dataPoint.create({ data: { measureId, date, value, collectedById: collector?.id ?? null } });
      await recordProjectChange(tx, actor, measure.projectId, {
        action: "dataPoint.added",
        entityType: "DataPoint",
        entityId: point.id,
        after: { measureId, measure: measure.name, date: toDayString(date), value, collectedBy: collector?.name ?? null },
      });
      return { dataPointId: point.id, measureId, projectId: measure.projectId, teamId: project.team.teamId };
    });
  } catch (error) {
    // The unique key (measure, date) decides, also between two people saving at once.
    if (isUniqueViolation(error)) {
      throw new ConflictError(`"${measure.name}" already has a value for ${toDayString(date)}. Remove that one first to record a different value.`, { field: "date" });
    }
    throw error;
  }
}

export async function removeDataPoint(actor: PersonActor, { dataPointId }: RemoveDataPointInput): Promise<DataPointChange> {
  const point = await prisma.dataPoint.findUnique({ where: { id: dataPointId }, include: { measure: { select: { name: true, projectId: true } } } });
  if (!point) throw new NotFoundError("Unknown data point: it does not exist or was removed.");
  const project = await getEditableProjectOrThrow(actor, point.measure.projectId);
  await prisma.$transaction(async (tx) => {
    await tx.dataPoint.delete({ where: { id: dataPointId } });
    await recordProjectChange(tx, actor, point.measure.projectId, {
      action: "dataPoint.removed",
      entityType: "DataPoint",
      entityId: dataPointId,
      before: { measureId: point.measureId, measure: point.measure.name, date: toDayString(point.date), value: point.value },
    });
  });
  return { dataPointId, measureId: point.measureId, projectId: point.measure.projectId, teamId: project.team.teamId };
}
