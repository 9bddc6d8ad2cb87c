import { z } from "zod";
import { quarterSchema } from "@/lib/domain/quarter";

const MAX_CRITERIA_PER_RATING = 500;

const versionSchema = z.number({ error: "Reload the page: this form is out of date" }).int().min(1);

// Shared by the rating grid (client) and the rating service (server).
export const saveRatingSchema = z.object({
  teamId: z.uuid({ error: "Unknown team" }),
  quarter: quarterSchema,
  kind: z.enum(["QUARTERLY", "SELF_ASSESSMENT"], { error: "Choose a quarterly rating or a self-assessment" }),
  /** The version the editor started from; null when creating the rating. */
  expectedVersion: versionSchema.nullable(),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters").optional(),
  checks: z
    .array(
      z.object({
        criterionId: z.uuid({ error: "Unknown criterion" }),
        met: z.boolean(),
        evidence: z.string().trim().max(1000, "Keep evidence under 1,000 characters").optional(),
      }),
    )
    .max(MAX_CRITERIA_PER_RATING, "Too many criteria")
    .refine((checks) => new Set(checks.map((check) => check.criterionId)).size === checks.length, "A criterion appears twice"),
});

// What the rating service receives: the schemas' parsed output.
export type SaveRatingInput = z.output<typeof saveRatingSchema>;

const levelSchema = z
  .number({ error: "The level must be a whole number from 1 to 5" })
  .int("The level must be a whole number from 1 to 5")
  .min(1, "The level must be a whole number from 1 to 5")
  .max(5, "The level must be a whole number from 1 to 5");

export const signoffSchema = z
  .object({
    ratingId: z.uuid({ error: "Unknown rating" }),
    expectedVersion: versionSchema,
    decision: z.enum(["SIGNED", "DISAGREED"], { error: "Sign, or record a disagreement" }),
    /** The level the sponsor saw and attests to: a sign-off is for a level, not for whatever the rating becomes. */
    level: levelSchema,
    reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters").optional(),
  })
  .refine((input) => input.decision !== "DISAGREED" || Boolean(input.reason), {
    message: "Give the reason for disagreeing",
    path: ["reason"],
  });

export type SignoffInput = z.output<typeof signoffSchema>;

export const reopenRatingSchema = z.object({
  ratingId: z.uuid({ error: "Unknown rating" }),
  expectedVersion: versionSchema,
  reason: z.string().trim().min(1, "Give the reason for reopening").max(2000, "Keep the reason under 2,000 characters"),
});

export type ReopenRatingInput = z.output<typeof reopenRatingSchema>;
