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
