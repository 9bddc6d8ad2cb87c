"use server";

import { userAction } from "@/lib/actions/runtime";
import { adoptPractice, type Adoption } from "@/lib/services/spread";
import { adoptPracticeSchema } from "@/lib/validation/practices";

/**
 * The practice lists its new adopter, the library counts it, and the adopting team's
 * list (also on the co-leads' home) has a new project.
 */
const adoptionPages = ({ originProjectId, teamId }: Adoption) => [`/projects/${originProjectId}`, "/practices", `/teams/${teamId}`, "/"];

/** The adopting team's new project opens, to make the practice its own. */
export const adoptPracticeAction = userAction(adoptPracticeSchema, adoptPractice, adoptionPages, {
  goTo: ({ projectId }) => `/projects/${projectId}`,
  idempotent: "practice.adopted",
});
