"use server";

import { userAction } from "@/lib/actions/runtime";
import { endRole, grantRole, handOverRole, type RoleOutcome } from "@/lib/services/roles";
import { endRoleSchema, grantRoleSchema, handOverRoleSchema } from "@/lib/validation/roles";

/** A role shows on its holders' pages, in the people list, and on its team's page (the leadership history). */
const rolePages = ({ personIds, teamId }: RoleOutcome) => [...personIds.map((id) => `/admin/people/${id}`), "/admin/people", ...(teamId ? [`/teams/${teamId}`] : [])];

export const grantRoleAction = userAction(grantRoleSchema, grantRole, rolePages, { idempotent: "role.granted" });

export const endRoleAction = userAction(endRoleSchema, endRole, rolePages);

export const handOverRoleAction = userAction(handOverRoleSchema, handOverRole, rolePages);
