import { z } from "zod";

// The fields of a person, shared by the admin forms, the roster and the bulk import.

export const displayNameSchema = z
  .string({ error: "Enter the person's name" })
  .trim()
  .min(1, "Enter the person's name")
  .max(160, "Keep the name to 160 characters");

/** Emails are matched case-insensitively, so they are kept in lower case. */
export const emailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .max(254, "Keep the email address to 254 characters")
  .pipe(z.email({ error: "Enter an email address like name@example.org" }))
  .transform((email) => email.toLowerCase());

/** The employer's id, as their HR system writes it. */
export const employeeIdSchema = z
  .string({ error: "Enter the employee id" })
  .trim()
  .min(1, "Enter the employee id")
  .max(40, "Keep the employee id to 40 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "Use letters, digits, dots, hyphens and underscores in the employee id");

const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const optionalEmailSchema = z.preprocess(blankAsMissing, emailSchema.optional());
export const optionalEmployeeIdSchema = z.preprocess(blankAsMissing, employeeIdSchema.optional());

// ───────────────────────────── the admin's person forms ─────────────────────────────

export const personIdSchema = z.uuid({ error: "Unknown person: reload the page" });

const unionLocalIdSchema = z.preprocess(blankAsMissing, z.uuid({ error: "Choose a union local from the list" }).optional());

/** A person's details; an empty email, employee id or union local is "none". */
const personFields = {
  displayName: displayNameSchema,
  email: optionalEmailSchema,
  employeeId: optionalEmployeeIdSchema,
  unionLocalId: unionLocalIdSchema,
};

export const createPersonSchema = z.object(personFields);
export const updatePersonSchema = z.object({ personId: personIdSchema, ...personFields });

export type PersonFields = z.output<typeof createPersonSchema>;
export type UpdatePersonInput = z.output<typeof updatePersonSchema>;
