import { z } from "zod";
import { PdsaDecision } from "@/lib/generated/prisma/enums";
import { pastDaySchema } from "@/lib/validation/dates";
import { namedPeopleSchema } from "@/lib/validation/named-people";

// Shared by the PDSA cycle forms (instant feedback) and lib/services/cycles.ts.

export const DECISION_LABELS: Record<PdsaDecision, string> = {
  ADOPT: "Adopt",
  ADAPT: "Adapt",
  ABANDON: "Abandon",
};

const FUTURE_MESSAGE = "A cycle cannot be dated in the future";

/**
 * Optional notes. Left out, they stay as they are (undefined); sent blank, they are
 * cleared (null) — a form always sends every field, so blanking one is deliberate.
 */
function notesSchema(max: number, message: string) {
  return z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((value) => (value === undefined ? undefined : value || null));
}

/** Blank clears the value (null), left out keeps it (undefined); as notesSchema. */
function blankAsNull<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === "" ? null : value), schema.nullish());
}

const endDate = blankAsNull(pastDaySchema(FUTURE_MESSAGE));
const participantIds = namedPeopleSchema("Unknown person: choose people from the team's roster");

export const addCycleSchema = z.object({
  projectId: z.uuid({ error: "Unknown project" }),
  plan: z.string({ error: "Describe the plan" }).trim().min(1, "Describe the plan").max(2000, "Keep the plan under 2,000 characters"),
  prediction: notesSchema(1000, "Keep the prediction under 1,000 characters"),
  startDate: pastDaySchema(FUTURE_MESSAGE),
  endDate,
  participantIds,
});

export const updateCycleSchema = z.object({
  cycleId: z.uuid({ error: "Unknown PDSA cycle" }),
  doNotes: notesSchema(2000, "Keep what was done under 2,000 characters"),
  study: notesSchema(2000, "Keep the study under 2,000 characters"),
  decision: blankAsNull(z.enum(PdsaDecision, { error: "Choose adopt, adapt or abandon" })),
  actNotes: notesSchema(2000, "Keep the act notes under 2,000 characters"),
  endDate,
  /** Left out, the cycle's people stay as they are; sent, they become exactly these. */
  participantIds: participantIds.optional(),
});

// What lib/services/cycles.ts receives: the schemas' parsed output (dates; null clears, undefined keeps).
export type AddCycleInput = z.output<typeof addCycleSchema>;
export type UpdateCycleInput = z.output<typeof updateCycleSchema>;
