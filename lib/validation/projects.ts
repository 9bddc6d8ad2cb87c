import { z } from "zod";
import { optionalDaySchema } from "@/lib/validation/dates";

const COMPASS_POINT_VALUES = ["PATIENT_AND_MEMBER_FOCUS", "BEST_QUALITY", "BEST_SERVICE", "MOST_AFFORDABLE", "BEST_PLACE_TO_WORK"] as const;
const TOOL_VALUES = [
  "RAPID_IMPROVEMENT_MODEL",
  "PDSA",
  "RUN_CHART",
  "PROCESS_MAP",
  "FISHBONE",
  "PARETO",
  "FIVE_WHYS",
  "VALUE_STREAM_MAP",
  "FIVE_S",
  "STANDARD_WORK",
  "HUDDLE_BOARD",
  "VOICE_OF_CUSTOMER",
  "WASTE_WALK",
] as const;
const STATUS_VALUES = ["IDEA", "ACTIVE", "TESTING", "IMPLEMENTED", "SUSTAINED", "ABANDONED"] as const;

const projectFields = {
  title: z.string({ error: "Give the project a title" }).trim().min(1, "Give the project a title").max(200, "Keep the title under 200 characters"),
  aim: z
    .string({ error: "Write the aim: what, by how much, by when" })
    .trim()
    .min(1, "Write the aim: what, by how much, by when")
    .max(2000, "Keep the aim under 2,000 characters"),
  compassPoints: z
    .array(z.enum(COMPASS_POINT_VALUES, { error: "Unknown Value Compass point" }))
    .min(1, "Choose at least one Value Compass point")
    .transform((points) => [...new Set(points)]),
  goalId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ error: "Unknown goal" }).optional()),
  tools: z
    .array(z.enum(TOOL_VALUES, { error: "Unknown improvement tool" }))
    .default([])
    .transform((tools) => [...new Set(tools)]),
  startDate: optionalDaySchema,
  targetDate: optionalDaySchema,
};

function targetNotBeforeStart(input: { startDate?: Date | undefined; targetDate?: Date | undefined }): boolean {
  return !input.startDate || !input.targetDate || input.targetDate >= input.startDate;
}
const TARGET_BEFORE_START = { message: "The target date cannot be before the start date", path: ["targetDate"] };

// Shared by the project form (client) and the project service (server).
export const createProjectSchema = z
  .object({ teamId: z.uuid({ error: "Unknown team" }), ...projectFields })
  .refine(targetNotBeforeStart, TARGET_BEFORE_START);

export const updateProjectSchema = z
  .object({ projectId: z.uuid({ error: "Unknown project" }), expectedVersion: z.number().int().min(1), ...projectFields })
  .refine(targetNotBeforeStart, TARGET_BEFORE_START);

export const changeProjectStatusSchema = z.object({
  projectId: z.uuid({ error: "Unknown project" }),
  expectedVersion: z.number().int().min(1),
  status: z.enum(STATUS_VALUES, { error: "Unknown project status" }),
});

export type CreateProjectInput = z.input<typeof createProjectSchema>;
