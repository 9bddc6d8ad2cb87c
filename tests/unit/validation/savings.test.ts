import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { todayUtc, toDayString } from "@/lib/validation/dates";
import {
  readSavingsFilters,
  rejectSavingsSchema,
  reportSavingsSchema,
  savingsFiltersQuery,
  updateSavingsSchema,
  validateSavingsSchema,
} from "@/lib/validation/savings";

const PROJECT_ID = "7f1c9a52-2d4b-4c55-9d0e-3a6f1b2c4d5e";
const ENTRY_ID = "0b8e6f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
const FORM = {
  projectId: PROJECT_ID,
  amount: "12,345.67",
  category: "HARD_SAVINGS",
  recurrence: "ONE_TIME",
  periodStart: "",
  periodEnd: "",
  reportedOn: "2021-06-30",
  method: "Invoice totals before and after the change.",
  evidence: "",
};

/** Each failing field with its messages. */
function messages(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[issue.path.join(".")] ??= []).push(issue.message);
  return byField;
}

const daysFromToday = (days: number) => toDayString(new Date(todayUtc().getTime() + days * 24 * 60 * 60 * 1000));

describe("reportSavingsSchema: the amount", () => {
  it.each([
    ["$12,345.67", 1_234_567],
    ["12345.67", 1_234_567],
    ["  12,345.6 ", 1_234_560],
    ["0.01", 1],
    ["0.05", 5],
    ["21,474,836.47", 2_147_483_647],
  ])("reads %j as %i cents", (amount, cents) => {
    expect(reportSavingsSchema.parse({ ...FORM, amount }).amount).toBe(cents);
  });

  it.each([
    ["-5", "Savings cannot be negative"],
    ["-0.01", "Savings cannot be negative"],
    ["12.345", "Enter whole cents: at most 2 decimals, like 12,345.67"],
    ["1,000.001", "Enter whole cents: at most 2 decimals, like 12,345.67"],
    ["1e3", "Enter an amount in dollars and cents, like 12,345.67 (no negative amounts, at most 2 decimals)"],
    ["abc", "Enter an amount in dollars and cents, like 12,345.67 (no negative amounts, at most 2 decimals)"],
    ["12,34.5", "Enter an amount in dollars and cents, like 12,345.67 (no negative amounts, at most 2 decimals)"],
    ["", "Enter the amount saved, like 12,345.67"],
    ["   ", "Enter the amount saved, like 12,345.67"],
    ["0", "Enter an amount of at least $0.01"],
    ["$0.00", "Enter an amount of at least $0.01"],
    ["21,474,836.48", "Enter at most $21,474,836.47 in one entry; split larger savings into several"],
  ])("refuses %j with one clear message", (amount, message) => {
    expect(messages(reportSavingsSchema, { ...FORM, amount })).toEqual({ amount: [message] });
  });

  it.each([12345.67, null, undefined])("refuses a non-text amount %j", (amount) => {
    expect(messages(reportSavingsSchema, { ...FORM, amount })).toEqual({ amount: ["Enter the amount saved, like 12,345.67"] });
  });
});

describe("reportSavingsSchema: the other fields", () => {
  it("accepts a one-time entry, storing empty optional fields as null", () => {
    expect(reportSavingsSchema.parse(FORM)).toEqual({
      projectId: PROJECT_ID,
      amount: 1_234_567,
      category: "HARD_SAVINGS",
      recurrence: "ONE_TIME",
      periodStart: null,
      periodEnd: null,
      reportedOn: new Date("2021-06-30T00:00:00Z"),
      method: "Invoice totals before and after the change.",
      evidence: null,
    });
  });

  it("accepts a recurring entry with its period", () => {
    const parsed = reportSavingsSchema.parse({ ...FORM, recurrence: "RECURRING", periodStart: "2020-01-01", periodEnd: "2020-12-31", evidence: " Finance report " });
    expect(parsed).toMatchObject({ periodStart: new Date("2020-01-01T00:00:00Z"), periodEnd: new Date("2020-12-31T00:00:00Z"), evidence: "Finance report" });
  });

  it("dates the report today when the day is left empty, and accepts today", () => {
    expect(reportSavingsSchema.parse({ ...FORM, reportedOn: "" }).reportedOn).toEqual(todayUtc());
    expect(reportSavingsSchema.parse({ ...FORM, reportedOn: daysFromToday(0) }).reportedOn).toEqual(todayUtc());
  });

  it("refuses a report date in the future, and one that is not a date", () => {
    expect(messages(reportSavingsSchema, { ...FORM, reportedOn: daysFromToday(1) })).toEqual({ reportedOn: ["The report date cannot be in the future"] });
    expect(messages(reportSavingsSchema, { ...FORM, reportedOn: "2021-02-30" })).toEqual({ reportedOn: ["That date does not exist"] });
    expect(messages(reportSavingsSchema, { ...FORM, reportedOn: "30/06/2021" })).toEqual({ reportedOn: ["Enter a date as YYYY-MM-DD"] });
  });

  it.each(["OTHER", "hard_savings", "", undefined])("refuses category %j", (category) => {
    expect(messages(reportSavingsSchema, { ...FORM, category })).toEqual({
      category: ["Choose a category: hard savings, soft savings, cost avoidance or revenue"],
    });
  });

  it.each(["ANNUAL", "", undefined])("refuses recurrence %j", (recurrence) => {
    expect(messages(reportSavingsSchema, { ...FORM, recurrence })).toEqual({ recurrence: ["Choose one-time or recurring"] });
  });

  it("requires the period of recurring savings", () => {
    expect(messages(reportSavingsSchema, { ...FORM, recurrence: "RECURRING" })).toEqual({
      periodStart: ["Recurring savings need the start of the period they cover"],
    });
    expect(messages(reportSavingsSchema, { ...FORM, recurrence: "RECURRING", periodStart: "2021-01-01" })).toEqual({
      periodEnd: ["Recurring savings need the end of the period they cover"],
    });
  });

  it("refuses a period that ends before it starts", () => {
    expect(messages(reportSavingsSchema, { ...FORM, recurrence: "RECURRING", periodStart: "2021-12-31", periodEnd: "2021-01-01" })).toEqual({
      periodEnd: ["The period cannot end before it starts"],
    });
  });

  it("asks for the method, up to 2,000 characters after trimming", () => {
    expect(messages(reportSavingsSchema, { ...FORM, method: "  " })).toEqual({ method: ["Describe how the savings were calculated"] });
    expect(reportSavingsSchema.safeParse({ ...FORM, method: ` ${"m".repeat(2000)} ` }).success).toBe(true);
    expect(messages(reportSavingsSchema, { ...FORM, method: "m".repeat(2001) })).toEqual({ method: ["Keep the method under 2,000 characters"] });
  });

  it("takes evidence up to 2,000 characters", () => {
    expect(reportSavingsSchema.safeParse({ ...FORM, evidence: "e".repeat(2000) }).success).toBe(true);
    expect(messages(reportSavingsSchema, { ...FORM, evidence: "e".repeat(2001) })).toEqual({ evidence: ["Keep the evidence under 2,000 characters"] });
  });

  it("refuses a project id that is not a UUID", () => {
    expect(messages(reportSavingsSchema, { ...FORM, projectId: "42" })).toEqual({ projectId: ["Unknown project"] });
  });
});

describe("updating and reviewing", () => {
  const { projectId: _projectId, ...figures } = FORM;

  it("reads the version a form posts as text", () => {
    expect(updateSavingsSchema.parse({ ...figures, entryId: ENTRY_ID, expectedVersion: "3" })).toMatchObject({ entryId: ENTRY_ID, expectedVersion: 3 });
    expect(validateSavingsSchema.parse({ entryId: ENTRY_ID, expectedVersion: "1" })).toEqual({ entryId: ENTRY_ID, expectedVersion: 1 });
  });

  it.each(["", "abc", "0", "1.5", undefined])("refuses version %j", (expectedVersion) => {
    expect(messages(validateSavingsSchema, { entryId: ENTRY_ID, expectedVersion })).toEqual({
      expectedVersion: ["Reload the page: this form is out of date"],
    });
  });

  it("checks an update's figures like a report's", () => {
    expect(messages(updateSavingsSchema, { ...figures, entryId: ENTRY_ID, expectedVersion: 1, amount: "-5" })).toEqual({ amount: ["Savings cannot be negative"] });
  });

  it("requires a reason to reject", () => {
    expect(messages(rejectSavingsSchema, { entryId: ENTRY_ID, expectedVersion: 1, reason: "  " })).toEqual({ reason: ["Give the reason for rejecting"] });
    expect(messages(rejectSavingsSchema, { entryId: ENTRY_ID, expectedVersion: 1, reason: "r".repeat(2001) })).toEqual({
      reason: ["Keep the reason under 2,000 characters"],
    });
    expect(rejectSavingsSchema.parse({ entryId: ENTRY_ID, expectedVersion: 1, reason: " Already in the budget " }).reason).toBe("Already in the budget");
  });
});

describe("filters", () => {
  it("reads status, region and quarter; empty values and ALL mean no filter", () => {
    expect(readSavingsFilters({ status: "REPORTED", region: "colorado", quarter: "2021-Q2" })).toEqual({
      filters: { status: "REPORTED", region: "colorado", quarter: "2021-Q2" },
      problems: [],
    });
    expect(readSavingsFilters({ status: "ALL", region: "", other: "x" })).toEqual({ filters: {}, problems: [] });
  });

  it("names the values it does not understand and leaves them out", () => {
    expect(readSavingsFilters({ status: "PENDING", region: "Colorado!", quarter: "2021-Q5" })).toEqual({
      filters: {},
      problems: [
        { name: "status", value: "PENDING", message: "Choose a savings status from the list" },
        { name: "region", value: "Colorado!", message: "Choose a region from the list" },
        { name: "quarter", value: "2021-Q5", message: "Enter a quarter like 2021-Q2" },
      ],
    });
    expect(readSavingsFilters({ status: ["REPORTED", "REJECTED"] }).problems.map((problem) => problem.name)).toEqual(["status"]);
  });

  it("writes the same filters back as a query string, saying ALL for every status", () => {
    expect(savingsFiltersQuery({ status: "VALIDATED", quarter: "2021-Q2" })).toBe("status=VALIDATED&quarter=2021-Q2");
    expect(savingsFiltersQuery({})).toBe("status=ALL");
    expect(readSavingsFilters(Object.fromEntries(new URLSearchParams(savingsFiltersQuery({ region: "colorado" })))).filters).toEqual({ region: "colorado" });
  });
});
