import { z } from "zod";
import { dollarsSchema } from "@/lib/domain/money";
import { quarterSchema } from "@/lib/domain/quarter";
import { periodProblem } from "@/lib/domain/savings";
import { SavingsCategory, SavingsRecurrence, SavingsStatus } from "@/lib/generated/prisma/enums";
import { optionalDaySchema, todayUtc } from "@/lib/validation/dates";
import { readUrlFilters, urlFilters, urlQuery, type UrlParams, type UrlProblem } from "@/lib/validation/url-filters";

// Shared by the savings forms (instant feedback) and lib/services/savings.ts.
// Forms post strings, so numbers and dates arrive as text.

const AMOUNT_MESSAGE = "Enter the amount saved, like 12,345.67";

/** Dollars and cents as typed → integer cents; the two commonest mistakes get their own message. */
const amount = z
  .string({ error: AMOUNT_MESSAGE })
  .trim()
  .min(1, AMOUNT_MESSAGE)
  .refine((text) => !text.startsWith("-"), { message: "Savings cannot be negative", abort: true })
  .refine((text) => !/\.\d{3,}$/.test(text), { message: "Enter whole cents: at most 2 decimals, like 12,345.67", abort: true })
  .pipe(dollarsSchema);

/** An optional calendar day; null (not undefined) when left empty, as the database stores it. */
const optionalDay = optionalDaySchema.transform((day) => day ?? null);

/** The day the savings were reported: today when left empty, never later than today (UTC, which is at or ahead of every US day). */
const reportedOn = optionalDaySchema
  .transform((day) => day ?? todayUtc())
  .refine((day) => day <= todayUtc(), "The report date cannot be in the future");

const method = z
  .string({ error: "Describe how the savings were calculated" })
  .trim()
  .min(1, "Describe how the savings were calculated")
  .max(2000, "Keep the method under 2,000 characters");

const evidence = z
  .string({ error: "Evidence must be text" })
  .trim()
  .max(2000, "Keep the evidence under 2,000 characters")
  .optional()
  .transform((text) => text || null);

/** The figures of an entry, as reported and as corrected. */
const figures = {
  amount,
  category: z.enum(SavingsCategory, { error: "Choose a category: hard savings, soft savings, cost avoidance or revenue" }),
  recurrence: z.enum(SavingsRecurrence, { error: "Choose one-time or recurring" }),
  periodStart: optionalDay,
  periodEnd: optionalDay,
  reportedOn,
  method,
  evidence,
};

function checkPeriod(
  input: { recurrence: SavingsRecurrence; periodStart: Date | null; periodEnd: Date | null },
  context: z.RefinementCtx,
): void {
  const problem = periodProblem(input.recurrence, input.periodStart, input.periodEnd);
  if (problem) context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
}

const entryId = z.uuid({ error: "Unknown savings entry" });
// Coerced because a form posts it as text; "" and "abc" still fail.
const expectedVersion = z.coerce
  .number({ error: "Reload the page: this form is out of date" })
  .int("Reload the page: this form is out of date")
  .min(1, "Reload the page: this form is out of date");

export const reportSavingsSchema = z.object({ projectId: z.uuid({ error: "Unknown project" }), ...figures }).superRefine(checkPeriod);

export const updateSavingsSchema = z.object({ entryId, expectedVersion, ...figures }).superRefine(checkPeriod);

export const validateSavingsSchema = z.object({ entryId, expectedVersion });

export const rejectSavingsSchema = z.object({
  entryId,
  expectedVersion,
  reason: z
    .string({ error: "Give the reason for rejecting" })
    .trim()
    .min(1, "Give the reason for rejecting")
    .max(2000, "Keep the reason under 2,000 characters"),
});

// What the savings service receives: the schemas' parsed output (cents, dates, trimmed text).
export type ReportSavingsInput = z.output<typeof reportSavingsSchema>;
export type UpdateSavingsInput = z.output<typeof updateSavingsSchema>;
export type ValidateSavingsInput = z.output<typeof validateSavingsSchema>;
export type RejectSavingsInput = z.output<typeof rejectSavingsSchema>;

// ───────────────────────────── filters (queue, ledger, CSV) ─────────────────────────────

/** In the status filter, every status; without a status in the URL the review page is the queue (REPORTED). */
export const ALL_STATUSES = "ALL";

/** The review page's and the savings CSV's URL filters, under the names every page uses. */
const SAVINGS_URL_FILTERS = {
  status: z.union([z.literal(ALL_STATUSES), urlFilters.savingsStatus], { error: "Choose a savings status from the list" }),
  region: urlFilters.region,
  quarter: urlFilters.quarter,
};

/** What the ledger is filtered by (all optional): the data layer checks them again. */
export const savingsFiltersSchema = z.object({
  status: z.enum(SavingsStatus, { error: "Unknown status" }).optional(),
  region: urlFilters.region.optional(),
  quarter: quarterSchema.optional(),
});

export type SavingsFilters = z.output<typeof savingsFiltersSchema>;

/** The filters from URL parameters, and the values not understood (for the page to name or the CSV to refuse). */
export function readSavingsFilters(params: UrlParams): { filters: SavingsFilters; problems: UrlProblem[] } {
  const { values, problems } = readUrlFilters(params, SAVINGS_URL_FILTERS);
  const { status, ...rest } = values;
  return { filters: { ...rest, ...(status && status !== ALL_STATUSES && { status }) }, problems };
}

/** The query string for the same filters (the CSV link beside a filtered list, the pager); no status means every status. */
export function savingsFiltersQuery(filters: SavingsFilters): string {
  return urlQuery({ status: filters.status ?? ALL_STATUSES, region: filters.region, quarter: filters.quarter });
}
