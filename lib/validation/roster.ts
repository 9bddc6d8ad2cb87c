import { z } from "zod";
import { KeyTeamRole } from "@/lib/generated/prisma/enums";
import { optionalDaySchema, todayUtc } from "@/lib/validation/dates";
import { displayNameSchema, optionalEmailSchema, optionalEmployeeIdSchema } from "@/lib/validation/people";

// Shared by the roster forms on the team page and lib/services/roster.ts.

const keyRoles = z
  .array(z.enum(KeyTeamRole, { error: "Choose key roles from the list" }), { error: "Choose key roles from the list" })
  .default([])
  .transform((roles) => [...new Set(roles)]);

/** A day something happened on the team: today when left empty, never later than today (UTC, at or ahead of every US day). */
const dayUpToToday = (futureMessage: string) =>
  optionalDaySchema.transform((day) => day ?? todayUtc()).refine((day) => day <= todayUtc(), futureMessage);

const memberId = z.uuid({ error: "Unknown roster member" });

/**
 * Adds someone to a team's roster. With an email or employee id that matches someone on
 * record, that person is added (as recorded: the roster does not edit people); otherwise
 * a new person with these details.
 */
export const addRosterMemberSchema = z.object({
  teamId: z.uuid({ error: "Unknown team" }),
  displayName: displayNameSchema,
  email: optionalEmailSchema.transform((email) => email ?? null),
  employeeId: optionalEmployeeIdSchema.transform((id) => id ?? null),
  joinedOn: dayUpToToday("The joining date cannot be in the future"),
  keyRoles,
});

export const setKeyRolesSchema = z.object({ memberId, keyRoles });

/** The day a member left (today when left empty); the service checks it is not before they joined. */
export const recordMemberLeftSchema = z.object({ memberId, leftOn: dayUpToToday("The leaving date cannot be in the future") });

export type AddRosterMemberInput = z.output<typeof addRosterMemberSchema>;
export type SetKeyRolesInput = z.output<typeof setKeyRolesSchema>;
export type RecordMemberLeftInput = z.output<typeof recordMemberLeftSchema>;
