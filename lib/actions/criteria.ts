"use server";

import { redirect } from "next/navigation";
import { runUserAction } from "@/lib/actions/result";
import {
  addCriterion,
  createDraftSet,
  discardDraft,
  publishDraftSet,
  removeCriterion,
  renameDraft,
  updateCriterionText,
} from "@/lib/services/criteria";

/** On success, straight to the new draft. */
export async function createDraftSetAction() {
  const result = await runUserAction((actor) => createDraftSet(actor));
  if (result.ok) redirect(`/criteria/${result.data.version}`);
  return result;
}

export async function addCriterionAction(input: unknown) {
  return runUserAction((actor) => addCriterion(actor, input));
}

export async function updateCriterionTextAction(input: unknown) {
  return runUserAction((actor) => updateCriterionText(actor, input));
}

export async function removeCriterionAction(input: unknown) {
  return runUserAction((actor) => removeCriterion(actor, input));
}

export async function renameDraftAction(input: unknown) {
  return runUserAction((actor) => renameDraft(actor, input));
}

export async function publishDraftSetAction(input: unknown) {
  return runUserAction((actor) => publishDraftSet(actor, input));
}

/** On success, back to the list: the draft's own page no longer exists. */
export async function discardDraftAction(input: unknown) {
  const result = await runUserAction((actor) => discardDraft(actor, input));
  if (result.ok) redirect("/criteria");
  return result;
}
