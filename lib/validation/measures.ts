import { z } from "zod";
import { MEASURE_VALUE_LIMIT } from "@/lib/domain/plausible";
import { beatsBaseline } from "@/lib/domain/run-chart";
import { ImprovementDirection, MeasureKind } from "@/lib/generated/prisma/enums";
import { pastDaySchema } from "@/lib/validation/dates";
import { optionalPersonSchema } from "@/lib/validation/named-people";

// Shared by the measure forms (instant feedback) and lib/services/measures.ts.
// Forms post every value as a string, so numbers are read from text here.

export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  OUTCOME: "Outcome",
  PROCESS: "Process",
  BALANCING: "Balancing",
};

export const DIRECTION_LABELS: Record<ImprovementDirection, string> = {
  INCREASE: "Increase (higher is better)",
  DECREASE: "Decrease (lower is better)",
};

// ───────────────────────────── numbers ─────────────────────────────

/** Form text to a number: blank is no number (not 0, as z.coerce would have it); "abc" becomes NaN and is refused. */
function readNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return text === "" ? undefined : Number(text);
}

const OUT_OF_RANGE = `Enter a number between -${MEASURE_VALUE_LIMIT.toLocaleString("en-US")} and ${MEASURE_VALUE_LIMIT.toLocaleString("en-US")}`;

/** A finite number (z.number refuses NaN and ±Infinity) of plausible size (lib/domain/plausible.ts). */
function plausibleNumber(message: string) {
  return z.number({ error: message }).min(-MEASURE_VALUE_LIMIT, OUT_OF_RANGE).max(MEASURE_VALUE_LIMIT, OUT_OF_RANGE);
}

function numberSchema(message: string) {
  return z.preprocess(readNumber, plausibleNumber(message));
}

/** A number that may be left blank: stored as null. */
function optionalNumberSchema(message: string) {
  return z.preprocess(readNumber, plausibleNumber(message).nullish()).transform((value) => value ?? null);
}

// ───────────────────────────── schemas ─────────────────────────────

const projectId = z.uuid({ error: "Unknown project" });
const measureId = z.uuid({ error: "Unknown measure" });

const measureFields = z.object({
  name: z.string({ error: "Name the measure" }).trim().min(1, "Name the measure").max(200, "Keep the name under 200 characters"),
  kind: z.enum(MeasureKind, { error: "Choose whether this is an outcome, process or balancing measure" }),
  unit: z.string({ error: "Give the unit, e.g. % or minutes" }).trim().min(1, "Give the unit, e.g. % or minutes").max(40, "Keep the unit under 40 characters"),
  baseline: optionalNumberSchema("The baseline must be a number, or left blank"),
  target: optionalNumberSchema("The target must be a number, or left blank"),
  direction: z.enum(ImprovementDirection, { error: "Choose whether the measure should increase or decrease" }),
});

type MeasureFields = z.output<typeof measureFields>;

/** A target no better than the baseline is almost always a slip in the direction or the numbers. */
function targetImproves({ baseline, target, direction }: MeasureFields): boolean {
  return baseline === null || target === null || beatsBaseline(target, baseline, direction);
}

const TARGET_DIRECTION = {
  message: "The target must be better than the baseline: above it for a measure that should increase, below it for one that should decrease",
  path: ["target"],
};

export const addMeasureSchema = measureFields.extend({ projectId }).refine(targetImproves, TARGET_DIRECTION);

export const updateMeasureSchema = measureFields.extend({ measureId }).refine(targetImproves, TARGET_DIRECTION);

export const removeMeasureSchema = z.object({ measureId });

export const addDataPointSchema = z.object({
  measureId,
  date: pastDaySchema("A data point cannot be dated in the future"),
  value: numberSchema("Enter the value as a number, like 12.5"),
  collectedById: optionalPersonSchema("Unknown person: choose someone from the team's roster"),
});

export const removeDataPointSchema = z.object({ dataPointId: z.uuid({ error: "Unknown data point" }) });

// What lib/services/measures.ts receives: the schemas' parsed output (numbers, dates, trimmed text).
export type AddMeasureInput = z.output<typeof addMeasureSchema>;
export type UpdateMeasureInput = z.output<typeof updateMeasureSchema>;
export type RemoveMeasureInput = z.output<typeof removeMeasureSchema>;
export type AddDataPointInput = z.output<typeof addDataPointSchema>;
export type RemoveDataPointInput = z.output<typeof removeDataPointSchema>;
