import { z } from "zod";
import { ROLE_LABELS, ROLE_SCOPES } from "@/lib/domain/roles";
import { RoleKind } from "@/lib/generated/prisma/enums";
import { dayStringSchema, optionalDaySchema } from "@/lib/validation/dates";
import { teamCodeSchema } from "@/lib/validation/organisation";
import { displayNameSchema, emailSchema, personIdSchema } from "@/lib/validation/people";

// Shared by the role forms on a person's page and lib/services/roles.ts.

/** The region field's value for the whole partnership (the field otherwise holds a region id). */
export const NATIONAL_PLACE = "NATIONAL";

/** Where a role is to be held, as the form names it: a team by its code, a region, or national. */
export type RolePlaceInput = { kind: "team"; teamCode: string } | { kind: "region"; regionId: string } | { kind: "national" };

const assignmentIdSchema = z.uuid({ error: "Unknown role assignment: reload the page" });

/** The place fields the role allows (ROLE_SCOPES): a team's code for a team's role, else a region or (where allowed) national. */
function placeFor(role: RoleKind, teamCode: string, region: string, context: z.RefinementCtx): RolePlaceInput | null {
  const scopes = ROLE_SCOPES[role];
  const label = ROLE_LABELS[role];
  if (scopes.includes("team")) {
    const code = teamCodeSchema.safeParse(teamCode);
    if (code.success) return { kind: "team", teamCode: code.data };
    context.addIssue({ code: "custom", path: ["teamCode"], message: code.error.issues[0]!.message });
    return null;
  }
  const nationalAllowed = scopes.includes("national");
  if (region === NATIONAL_PLACE) {
    if (nationalAllowed) return { kind: "national" };
    context.addIssue({ code: "custom", path: ["region"], message: `${label}s work for a region: choose one` });
    return null;
  }
  if (z.uuid().safeParse(region).success) return { kind: "region", regionId: region };
  context.addIssue({ code: "custom", path: ["region"], message: nationalAllowed ? "Choose a region or the whole partnership" : "Choose a region" });
  return null;
}

export const grantRoleSchema = z
  .object({
    personId: personIdSchema,
    role: z.enum(RoleKind, { error: "Choose a role from the list" }),
    teamCode: z.string().trim().optional().default(""),
    region: z.string().trim().optional().default(""),
    startDate: dayStringSchema,
    endDate: optionalDaySchema,
  })
  .transform(({ personId, role, teamCode, region, startDate, endDate }, context) => {
    const place = placeFor(role, teamCode, region, context);
    if (endDate && endDate < startDate) context.addIssue({ code: "custom", path: ["endDate"], message: "The end date cannot be before the start date" });
    if (!place || (endDate && endDate < startDate)) return z.NEVER;
    return { personId, role, place, startDate, endDate: endDate ?? null };
  });

export type GrantRoleInput = z.output<typeof grantRoleSchema>;

export const endRoleSchema = z.object({ assignmentId: assignmentIdSchema, endDate: dayStringSchema });
export type EndRoleInput = z.output<typeof endRoleSchema>;

/** The successor in a handover: someone on the records (by email or employee id), or someone new. */
export type SuccessorInput = { kind: "existing"; emailOrEmployeeId: string } | { kind: "new"; displayName: string; email: string };

export const handOverRoleSchema = z
  .object({
    assignmentId: assignmentIdSchema,
    day: dayStringSchema,
    successorKind: z.enum(["EXISTING", "NEW"], { error: "Choose whether the successor is on the records already" }),
    successorKey: z.string().trim().max(254, "Keep it to 254 characters").optional().default(""),
    successorName: z.string().optional().default(""),
    successorEmail: z.string().optional().default(""),
  })
  .transform(({ assignmentId, day, successorKind, successorKey, successorName, successorEmail }, context) => {
    const successor = successorFor(successorKind, { successorKey, successorName, successorEmail }, context);
    return successor ? { assignmentId, day, successor } : z.NEVER;
  });

export type HandOverRoleInput = z.output<typeof handOverRoleSchema>;

function successorFor(
  kind: "EXISTING" | "NEW",
  fields: { successorKey: string; successorName: string; successorEmail: string },
  context: z.RefinementCtx,
): SuccessorInput | null {
  if (kind === "EXISTING") {
    if (fields.successorKey) return { kind: "existing", emailOrEmployeeId: fields.successorKey };
    context.addIssue({ code: "custom", path: ["successorKey"], message: "Enter the successor's email or employee id" });
    return null;
  }
  const name = displayNameSchema.safeParse(fields.successorName);
  const email = emailSchema.safeParse(fields.successorEmail);
  if (!name.success) context.addIssue({ code: "custom", path: ["successorName"], message: name.error.issues[0]!.message });
  if (!email.success) context.addIssue({ code: "custom", path: ["successorEmail"], message: email.error.issues[0]!.message });
  return name.success && email.success ? { kind: "new", displayName: name.data, email: email.data } : null;
}
