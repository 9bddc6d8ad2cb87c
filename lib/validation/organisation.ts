import { z } from "zod";
import { quarterSchema } from "@/lib/domain/quarter";
import { DepartmentType } from "@/lib/generated/prisma/enums";

// The fields of the organisation's records, shared by the admin forms, their services
// and the bulk import, so a value the form refuses the import refuses in the same words.

const name = (what: string, max: number) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(max, `Keep the ${what} to ${max} characters`);

export const facilityNameSchema = name("facility's name", 160);
export const departmentNameSchema = name("department's name", 160);
export const teamNameSchema = name("team's name", 200);

/** A team's code: its stable id across systems and imports ("CO-0042"); compared in capitals. */
export const teamCodeSchema = z
  .string({ error: "Enter the team's code" })
  .trim()
  .min(1, "Enter the team's code")
  .max(20, "Keep the team's code to 20 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dots, hyphens and underscores in the team's code")
  .transform((code) => code.toUpperCase());

export const departmentTypeSchema = z.enum(DepartmentType, { error: "Choose the kind of department" });

export const charteredQuarterSchema = quarterSchema;

// ───────────────────────────── the admin forms ─────────────────────────────

const regionId = z.uuid({ error: "Choose a region" });
const facilityId = z.uuid({ error: "Unknown facility" });
const departmentId = z.uuid({ error: "Choose a department" });
const teamId = z.uuid({ error: "Unknown team" });

/** A team's union local, optional: blank is none (stored as null). */
const unionLocalIdSchema = z
  .preprocess((value) => (value === "" ? undefined : value), z.uuid({ error: "Choose a union local from the list" }).optional())
  .transform((id) => id ?? null);

export const createFacilitySchema = z.object({ regionId, name: facilityNameSchema });
export const updateFacilitySchema = z.object({ facilityId, name: facilityNameSchema });
export const facilityIdSchema = z.object({ facilityId });

export const createDepartmentSchema = z.object({ facilityId, name: departmentNameSchema, type: departmentTypeSchema });
export const updateDepartmentSchema = z.object({ departmentId: z.uuid({ error: "Unknown department" }), name: departmentNameSchema, type: departmentTypeSchema });

/** Two departments of one facility become one: the teams of `departmentId` move to `intoDepartmentId`, which keeps its name. */
export const mergeDepartmentsSchema = z
  .object({ departmentId: z.uuid({ error: "Unknown department" }), intoDepartmentId: z.uuid({ error: "Choose the department to merge into" }) })
  .refine((input) => input.departmentId !== input.intoDepartmentId, {
    message: "Choose another department: a department cannot merge into itself",
    path: ["intoDepartmentId"],
  });

const teamFields = { code: teamCodeSchema, name: teamNameSchema, unionLocalId: unionLocalIdSchema, charteredQuarter: charteredQuarterSchema };

export const createTeamSchema = z.object({ departmentId, ...teamFields });
export const updateTeamSchema = z.object({ teamId, ...teamFields });
export const moveTeamSchema = z.object({ teamId, departmentId });
export const teamIdSchema = z.object({ teamId });

export type CreateFacilityInput = z.output<typeof createFacilitySchema>;
export type UpdateFacilityInput = z.output<typeof updateFacilitySchema>;
export type FacilityIdInput = z.output<typeof facilityIdSchema>;
export type CreateDepartmentInput = z.output<typeof createDepartmentSchema>;
export type UpdateDepartmentInput = z.output<typeof updateDepartmentSchema>;
export type MergeDepartmentsInput = z.output<typeof mergeDepartmentsSchema>;
export type CreateTeamInput = z.output<typeof createTeamSchema>;
export type UpdateTeamInput = z.output<typeof updateTeamSchema>;
export type MoveTeamInput = z.output<typeof moveTeamSchema>;
export type TeamIdInput = z.output<typeof teamIdSchema>;
