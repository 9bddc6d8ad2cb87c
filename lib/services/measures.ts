import "server-only";
// Mutation logic takes the actor explicitly so integration tests can drive it on a
// real database; lib/actions/measures.ts wraps it for the browser.
import { parseInput } from "@/lib/actions/result";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Measure } from "@/lib/generated/prisma/client";
import { getEditableProjectOrThrow, recordProjectChange } from "@/lib/services/project-activity";
import { toDayString } from "@/lib/validation/dates";
import { addDataPointSchema, addMeasureSchema, removeDataPointSchema, removeMeasureSchema, updateMeasureSchema } from "@/lib/validation/measures";


// ───────────────────────────── measures ─────────────────────────────

export async function addMeasure(actor: PersonActor, raw: unknown): Promise<{ measureId: string }> {
  const { projectId, ...fields } = parseInput(addMeasureSchema, raw);
  await getEditableProjectOrThrow(actor, projectId);
  return prisma.$transaction(async (tx) => {
    const measure = await tx.measure.create({ data: { projectId, ...fields } });
    await recordProjectChange(tx, actor, projectId, { action: "measure.added", entityType: "Measure", entityId: measure.id, after: measureSnapshot(measure) });
    return { measureId: measure.id };
  });
}

/** Renames or redefines a measure; its data points stay. */
export async function updateMeasure(actor: PersonActor, raw: unknown): Promise<void> {
  const { measureId, ...fields } = parseInput(updateMeasureSchema, raw);
  const before = await getMeasureOrThrow(measureId);
  await getEditableProjectOrThrow(actor, before.projectId);
  await prisma.$transaction(async (tx) => {
    const after = await tx.measure.update({ where: { id: measureId }, data: fields });
    await recordProjectChange(tx, actor, before.projectId, {
      action: "measure.updated",
      entityType: "Measure",
      entityId: measureId,
      before: measureSnapshot(before),
      after: measureSnapshot(after),
    });
  });
}

/** Removes a measure with its data points; the audit entry keeps how many there were. */
export async function removeMeasure(actor: PersonActor, raw: unknown): Promise<void> {
  const { measureId } = parseInput(removeMeasureSchema, raw);
  const measure = await getMeasureOrThrow(measureId);
  await getEditableProjectOrThrow(actor, measure.projectId);
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
}

async function getMeasureOrThrow(measureId: string): Promise<Measure> {
  const measure = await prisma.measure.findUnique({ where: { id: measureId } });
  if (!measure) throw new NotFoundError("Unknown measure: it does not exist or was removed.");
  return measure;
}

function measureSnapshot({ projectId, name, kind, unit, baseline, target, direction }: Measure) {
  return { projectId, name, kind, unit, baseline, target, direction };
}

// ───────────────────────────── data points ─────────────────────────────

/** Records one value of a measure; a day holds one value, so a second one is refused rather than overwriting the first. */
export async function addDataPoint(actor: PersonActor, raw: unknown): Promise<{ dataPointId: string }> {
  const { measureId, date, value } = parseInput(addDataPointSchema, raw);
  const measure = await getMeasureOrThrow(measureId);
  await getEditableProjectOrThrow(actor, measure.projectId);
  try {
    return await prisma.$transaction(async (tx) => {
      const point = await tx.dataPoint.create({ data: { measureId, date, value } });
      await recordProjectChange(tx, actor, measure.projectId, {
        action: "dataPoint.added",
        entityType: "DataPoint",
        entityId: point.id,
        after: { measureId, measure: measure.name, date: toDayString(date), value },
      });
      return { dataPointId: point.id };
    });
  } catch (error) {
    // The unique key (measure, date) decides, also between two people saving at once.
    if (isUniqueViolation(error)) {
      throw new ConflictError(`"${measure.name}" already has a value for ${toDayString(date)}. Remove that one first to record a different value.`);
    }
    throw error;
  }
}

export async function removeDataPoint(actor: PersonActor, raw: unknown): Promise<void> {
  const { dataPointId } = parseInput(removeDataPointSchema, raw);
  const point = await prisma.dataPoint.findUnique({ where: { id: dataPointId }, include: { measure: { select: { name: true, projectId: true } } } });
  if (!point) throw new NotFoundError("Unknown data point: it does not exist or was removed.");
  await getEditableProjectOrThrow(actor, point.measure.projectId);
  await prisma.$transaction(async (tx) => {
    await tx.dataPoint.delete({ where: { id: dataPointId } });
    await recordProjectChange(tx, actor, point.measure.projectId, {
      action: "dataPoint.removed",
      entityType: "DataPoint",
      entityId: dataPointId,
      before: { measureId: point.measureId, measure: point.measure.name, date: toDayString(point.date), value: point.value },
    });
  });
}
