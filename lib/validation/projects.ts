import { z } from "zod";
import { CompassPoint, ImprovementTool, ProjectStatus } from "@/lib/generated/prisma/enums";
import { optionalDaySchema } from "@/lib/validation/dates";
import { namedPeopleSchema } from "@/lib/validation/named-people";

// Shared by the project forms (client) and lib/services/projects.ts (server).

const projectFields = {
  title: z.string({ error: "Give the project a title" }).trim().min(1, "Give the project a title").max(200, "Keep the title under 200 characters"),
  aim: z
    .string({ error: "Write the aim: what, by how much, by when" })
    .trim()
    .min(1, "Write the aim: what, by how much, by when")
    .max(2000, "Keep the aim under 2,000 characters"),
  compassPoints: z
    .array(z.enum(CompassPoint, { error: "Unknown Value Compass point" }), { error: "Choose at least one Value Compass point" })
    .min(1, "Choose at least one Value Compass point")
    .transform((points) => [...new Set(points)]),
  goalId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ error: "Unknown goal" }).optional()),
  tools: z
    .array(z.enum(ImprovementTool, { error: "Unknown improvement tool" }))
    .default([])
    .transform((tools) => [...new Set(tools)]),
  startDate: optionalDaySchema,
  targetDate: optionalDaySchema,
  memberIds: namedPeopleSchema("Unknown person: choose people from the team's roster"),
};

function targetNotBeforeStart(input: { startDate?: Date | undefined; targetDate?: Date | undefined }): boolean {
  return !input.startDate || !input.targetDate || input.targetDate >= input.startDate;
}
const TARGET_BEFORE_START = { message: "The target date cannot be before the start date", path: ["targetDate"] };

const projectId = z.uuid({ error: "Unknown project" });
const STALE_FORM = "Reload the page: this form is out of date";
const expectedVersion = z.number({ error: STALE_FORM }).int(STALE_FORM).min(1, STALE_FORM);

export const createProjectSchema = z
  .object({ teamId: z.uuid({ error: "Unknown team" }), ...projectFields })
  .refine(targetNotBeforeStart, TARGET_BEFORE_START);

export const updateProjectSchema = z.object({ projectId, expectedVersion, ...projectFields }).refine(targetNotBeforeStart, TARGET_BEFORE_START);

export const changeProjectStatusSchema = z.object({
  projectId,
  expectedVersion,
  status: z.enum(ProjectStatus, { error: "Unknown project status" }),
});

// What the project service receives: the schemas' parsed output (dates, trimmed text, no repeated choices).
export type CreateProjectInput = z.output<typeof createProjectSchema>;
export type UpdateProjectInput = z.output<typeof updateProjectSchema>;
export type ChangeProjectStatusInput = z.output<typeof changeProjectStatusSchema>;
/** A project's own fields, as created and as edited. */
export type ProjectFields = Omit<CreateProjectInput, "teamId">;
