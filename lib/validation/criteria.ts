import { z } from "zod";
import { LEVELS } from "@/lib/domain/path-to-performance";
import { Dimension } from "@/lib/generated/prisma/enums";

// Shared by the criteria forms (instant feedback) and lib/services/criteria.ts.

const LOWEST_LEVEL = LEVELS[0].level;
const HIGHEST_LEVEL = LEVELS[LEVELS.length - 1]!.level;
const LEVEL_MESSAGE = `Level must be a whole number from ${LOWEST_LEVEL} to ${HIGHEST_LEVEL}`;

const setId = z.uuid("Unknown criteria set");
const criterionId = z.uuid("Unknown criterion");

const dimension = z.enum(Dimension, { error: "Choose one of the seven dimensions" });

// Coerced because a form posts the level as a string; "", "abc" and 2.5 still fail.
const level = z.coerce
  .number({ error: LEVEL_MESSAGE })
  .int(LEVEL_MESSAGE)
  .min(LOWEST_LEVEL, LEVEL_MESSAGE)
  .max(HIGHEST_LEVEL, LEVEL_MESSAGE);

const text = z
  .string({ error: "Write the criterion" })
  .trim()
  .min(1, "Write the criterion")
  .max(500, "Keep a criterion under 500 characters");

export const addCriterionSchema = z.object({ setId, dimension, level, text });

export const updateCriterionTextSchema = z.object({ criterionId, text });

export const removeCriterionSchema = z.object({ criterionId });

export const renameDraftSchema = z.object({
  setId,
  name: z.string({ error: "Name the criteria set" }).trim().min(1, "Name the criteria set").max(160, "Keep the name under 160 characters"),
});

/** Publishing and discarding name only the draft. */
export const draftSetSchema = z.object({ setId });


/** Starting a draft takes nothing but the signed-in person: the next version copies the published one. */
export const createDraftSetSchema = z.object({});

// What the criteria service receives: the schemas' parsed output (the level a number, text trimmed).
export type AddCriterionInput = z.output<typeof addCriterionSchema>;
export type UpdateCriterionTextInput = z.output<typeof updateCriterionTextSchema>;
export type RemoveCriterionInput = z.output<typeof removeCriterionSchema>;
export type RenameDraftInput = z.output<typeof renameDraftSchema>;
export type DraftSetInput = z.output<typeof draftSetSchema>;
