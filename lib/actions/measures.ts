"use server";

import { runUserAction } from "@/lib/actions/result";
import { addDataPoint, addMeasure, removeDataPoint, removeMeasure, updateMeasure } from "@/lib/services/measures";

export async function addMeasureAction(input: unknown) {
  return runUserAction((user) => addMeasure(user, input));
}

export async function updateMeasureAction(input: unknown) {
  return runUserAction((user) => updateMeasure(user, input));
}

export async function removeMeasureAction(input: unknown) {
  return runUserAction((user) => removeMeasure(user, input));
}

export async function addDataPointAction(input: unknown) {
  return runUserAction((user) => addDataPoint(user, input));
}

export async function removeDataPointAction(input: unknown) {
  return runUserAction((user) => removeDataPoint(user, input));
}
