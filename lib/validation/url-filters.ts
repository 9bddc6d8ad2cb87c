import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/lib/domain/audit-actions";
import { MOVEMENT_GROUPS } from "@/lib/domain/movement";
import { quarterSchema } from "@/lib/domain/quarter";
import { QUEUE_STATUS_LABELS, type QueueStatus } from "@/lib/domain/rating-workflow";
import { CompassPoint, DepartmentType, ProjectStatus, SavingsStatus } from "@/lib/generated/prisma/enums";
import { dayStringSchema } from "@/lib/validation/dates";
import { pageNumberSchema } from "@/lib/validation/paging";

// The one URL-filter parser. Every page and CSV export reads its filters from the URL
// under these names, each with one meaning everywhere (region is always a slug, team
// and facility always ids, quarter always "2021-Q2"), so a link or bookmark from one
// screen means the same on another.

export type UrlParams = Record<string, string | string[] | undefined>;

/** A URL value that was not understood, so the page can name it rather than silently show something else. */
export type UrlProblem = { name: string; value: string; message: string };

const SLUG_MESSAGE = "Choose a region from the list";
const LEVEL_MESSAGE = "Choose a level from the list";

export const urlFilters = {
  quarter: quarterSchema,
  since: quarterSchema,
  region: z.string().regex(/^[a-z0-9-]{1,60}$/, SLUG_MESSAGE),
  facility: z.uuid({ error: "Choose a facility from the list" }),
  team: z.uuid({ error: "Choose a team from the list" }),
  compass: z.enum(CompassPoint, { error: "Choose a Value Compass point from the list" }),
  department: z.enum(DepartmentType, { error: "Choose a department type from the list" }),
  projectStatus: z.enum(ProjectStatus, { error: "Choose a project status from the list" }),
  savingsStatus: z.enum(SavingsStatus, { error: "Choose a savings status from the list" }),
  /** A team's Path to Performance level by its latest final rating: 1–5, or "none" (never rated final, or no level fully met). */
  level: z.union([z.literal("none"), z.coerce.number().int(LEVEL_MESSAGE).min(1, LEVEL_MESSAGE).max(5, LEVEL_MESSAGE)], { error: LEVEL_MESSAGE }),
  /** A team's quarterly rating this quarter, "NOT_STARTED" when there is none yet. */
  ratingStatus: z.enum(Object.keys(QUEUE_STATUS_LABELS) as [QueueStatus, ...QueueStatus[]], { error: "Choose a rating status from the list" }),
  /** Operating this quarter, or retired (Team.retiredQuarter reached). */
  lifecycle: z.enum(["active", "retired"], { error: "Choose active or retired" }),
  page: pageNumberSchema,
  /** One of the movement page's lists of teams, by its movement group ("up", "newlyRated"…): the one `page` pages. */
  list: z.enum(MOVEMENT_GROUPS, { error: "Choose a list of teams from the page" }),
  /** A free-text search: part of a name, a code, an email… (each page says what it searches). */
  q: z.string().max(200, "Keep the search under 200 characters"),
  /** Who made a change (the audit page's): part of a person's name, or their id. */
  who: z.string().max(200, "Keep the name under 200 characters"),
  /** A kind of record, as the audit log names it ("Project", "SavingsEntry"). */
  kind: z.enum(AUDIT_ENTITY_TYPES, { error: "Choose a kind of record from the list" }),
  /** A kind of change, as the audit log names it ("project.updated"). */
  action: z.enum(AUDIT_ACTIONS, { error: "Choose a kind of change from the list" }),
  /** A span of days, both ends included: "2026-11-01". */
  from: dayStringSchema,
  to: dayStringSchema,
};

/**
 * One URL parameter's value, trimmed: blank is none, and a value given twice alike is given
 * once; different values stay a list, which no filter understands (which one was meant?).
 */
export function urlValue(raw: unknown): string | string[] | undefined {
  const given = [...new Set((Array.isArray(raw) ? raw : [raw]).map((value) => (typeof value === "string" ? value.trim() : value)).filter(Boolean))];
  if (given.length > 1) return given.map(String);
  return given[0] === undefined ? undefined : String(given[0]);
}

const SEVERAL_VALUES = "Give one value, not several";

/** A field of a form whose search lives in the URL (the practice library's), read by the same rule. */
export function urlField<T extends z.ZodType>(schema: T) {
  return z.preprocess((raw, context) => {
    const value = urlValue(raw);
    if (!Array.isArray(value)) return value;
    context.addIssue({ code: "custom", message: SEVERAL_VALUES });
    return z.NEVER;
  }, schema.optional());
}

/**
 * Reads the named filters from URL parameters, each with its schema; a blank one is no
 * filter, and a key given twice with different values is not understood (which one was
 * meant?). What is not understood is left out and reported, for the page to name (or the
 * export to refuse: it must not silently narrow or widen).
 */
export function readUrlFilters<Shape extends Record<string, z.ZodType>>(
  params: UrlParams,
  shape: Shape,
): { values: { [K in keyof Shape]?: z.output<Shape[K]> }; problems: UrlProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: UrlProblem[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const value = urlValue(params[name]);
    if (Array.isArray(value)) {
      problems.push({ name, value: value.join(", "), message: SEVERAL_VALUES });
      continue;
    }
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) values[name] = parsed.data;
    else problems.push({ name, value, message: parsed.error.issues[0]?.message ?? "Not understood" });
  }
  return { values: values as { [K in keyof Shape]?: z.output<Shape[K]> }, problems };
}

/** A problem in words, the same on every page: what was not applied, why, and what is shown instead. */
export function describeUrlProblem(problem: UrlProblem, instead?: string): string {
  return `Not applied: ${problem.name} “${problem.value}”. ${problem.message}.${instead ? ` ${instead}` : ""}`;
}

/** The query string for filters (empty values left out), for links, forms' CSV downloads and pagers. */
export function urlQuery(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== null && value !== undefined && value !== "") params.set(name, String(value));
  return params.toString();
}
