"use server";

import { userAction } from "@/lib/actions/runtime";
import {
  addCriterion,
  createDraftSet,
  discardDraft,
  publishDraftSet,
  removeCriterion,
  renameDraft,
  updateCriterionText,
} from "@/lib/services/criteria";
import {
  addCriterionSchema,
  createDraftSetSchema,
  draftSetSchema,
  removeCriterionSchema,
  renameDraftSchema,
  updateCriterionTextSchema,
} from "@/lib/validation/criteria";

/** A version's own page. */
const versionPage = (version: number) => `/criteria/${version}`;

/** A version's page and the list of versions, which shows each one's name, status and number of criteria. */
const versionPages = (version: number) => ["/criteria", versionPage(version)];

/** The new draft opens on its own page; the list now offers to continue it. */
export const createDraftSetAction = userAction(createDraftSetSchema, createDraftSet, ({ version }) => versionPages(version), {
  goTo: ({ version }) => versionPage(version),
  idempotent: "criteria.draftCreated",
});

export const addCriterionAction = userAction(addCriterionSchema, addCriterion, ({ setVersion }) => versionPages(setVersion), {
  idempotent: "criteria.added",
});

/** A criterion's new text shows on its version's page only. */
export const updateCriterionTextAction = userAction(updateCriterionTextSchema, updateCriterionText, ({ setVersion }) => [versionPage(setVersion)]);

export const removeCriterionAction = userAction(removeCriterionSchema, removeCriterion, ({ version }) => versionPages(version));

export const renameDraftAction = userAction(renameDraftSchema, renameDraft, ({ version }) => versionPages(version));

/** Publishing changes the draft's status and retires the version it replaces. */
export const publishDraftSetAction = userAction(draftSetSchema, publishDraftSet, ({ version, replacedVersion }) => [
  ...versionPages(version),
  ...(replacedVersion === null ? [] : [versionPage(replacedVersion)]),
]);

/** Back to the list: the draft's own page no longer exists. */
export const discardDraftAction = userAction(draftSetSchema, discardDraft, ({ version }) => versionPages(version), { goTo: () => "/criteria" });
