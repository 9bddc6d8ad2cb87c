"use server";

import { runUserAction } from "@/lib/actions/result";
import { addCycle, updateCycle } from "@/lib/services/cycles";

export async function addCycleAction(input: unknown) {
  return runUserAction((user) => addCycle(user, input));
}

export async function updateCycleAction(input: unknown) {
  return runUserAction((user) => updateCycle(user, input));
}
