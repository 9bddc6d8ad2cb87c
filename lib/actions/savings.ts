"use server";

import { runUserAction } from "@/lib/actions/result";
import { rejectSavings, reportSavings, updateSavings, validateSavings } from "@/lib/services/savings";

export async function reportSavingsAction(input: unknown) {
  return runUserAction((user) => reportSavings(user, input));
}

export async function updateSavingsAction(input: unknown) {
  return runUserAction((user) => updateSavings(user, input));
}

export async function validateSavingsAction(input: unknown) {
  return runUserAction((user) => validateSavings(user, input));
}

export async function rejectSavingsAction(input: unknown) {
  return runUserAction((user) => rejectSavings(user, input));
}
