"use server";

import { userAction } from "@/lib/actions/runtime";
import { addRosterMember, recordMemberLeft, setKeyRoles, type RosterOutcome } from "@/lib/services/roster";
import { addRosterMemberSchema, recordMemberLeftSchema, setKeyRolesSchema } from "@/lib/validation/roster";

/** The roster shows on the team's page. */
const rosterPages = ({ teamId }: RosterOutcome) => [`/teams/${teamId}`];

export const addRosterMemberAction = userAction(addRosterMemberSchema, addRosterMember, rosterPages, { idempotent: "roster.memberAdded" });

export const setKeyRolesAction = userAction(setKeyRolesSchema, setKeyRoles, rosterPages);

export const recordMemberLeftAction = userAction(recordMemberLeftSchema, recordMemberLeft, rosterPages);
