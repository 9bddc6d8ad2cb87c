"use server";

import { userAction } from "@/lib/actions/runtime";
import { rejectSavings, reportSavings, updateSavings, validateSavings, type SavingsOutcome } from "@/lib/services/savings";
import { rejectSavingsSchema, reportSavingsSchema, updateSavingsSchema, validateSavingsSchema } from "@/lib/validation/savings";

/** Where an entry shows: its project and team, the review queue, and the homes that total savings. */
const savingsPages = (outcome: SavingsOutcome) => [`/projects/${outcome.projectId}`, `/teams/${outcome.teamId}`, "/savings", "/"];

export const reportSavingsAction = userAction(reportSavingsSchema, reportSavings, savingsPages, { idempotent: "savings.reported" });

export const updateSavingsAction = userAction(updateSavingsSchema, updateSavings, savingsPages);

export const validateSavingsAction = userAction(validateSavingsSchema, validateSavings, savingsPages);

export const rejectSavingsAction = userAction(rejectSavingsSchema, rejectSavings, savingsPages);
