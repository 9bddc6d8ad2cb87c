"use server";

import { userAction } from "@/lib/actions/runtime";
import { createPerson, updatePerson, type PersonOutcome } from "@/lib/services/people";
import { createPersonSchema, updatePersonSchema } from "@/lib/validation/people";

/** Where a person shows: their page and the people list. */
const personPages = ({ personId }: PersonOutcome) => [`/admin/people/${personId}`, "/admin/people"];

export const createPersonAction = userAction(createPersonSchema, createPerson, personPages, {
  goTo: ({ personId }) => `/admin/people/${personId}`,
  idempotent: "person.created",
});

export const updatePersonAction = userAction(updatePersonSchema, updatePerson, personPages);
