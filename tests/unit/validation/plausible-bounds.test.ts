import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { dollarsSchema } from "@/lib/domain/money";
import { MEASURE_VALUE_LIMIT, latestPlausibleDay } from "@/lib/domain/plausible";
import { latestPlausibleQuarter, quarterSchema } from "@/lib/domain/quarter";
import { dayStringSchema, optionalDaySchema } from "@/lib/validation/dates";
import { addDataPointSchema, addMeasureSchema } from "@/lib/validation/measures";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

// The bounds of lib/domain/plausible.ts, as every schema that reads a date, a quarter,
// an amount or a measure's number applies them. Today is pinned so the window's end is known.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
});
afterEach(() => vi.useRealTimers());

function problems(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe("the plausible window", () => {
  it("runs from 1990 to five years after today", () => {
    expect(latestPlausibleDay()).toEqual(new Date("2031-12-01T00:00:00Z"));
    expect(latestPlausibleQuarter()).toBe("2031-Q4");
  });
});

describe("dates", () => {
  it("accepts the window's first and last days", () => {
    expect(dayStringSchema.parse("1990-01-01")).toEqual(new Date("1990-01-01T00:00:00Z"));
    expect(dayStringSchema.parse("2031-12-01")).toEqual(new Date("2031-12-01T00:00:00Z"));
  });

  it.each(["0001-01-01", "1989-12-31", "2031-12-02", "9999-12-31"])("refuses %s, naming the window", (day) => {
    expect(problems(dayStringSchema, day)).toEqual(["Enter a date from 1990-01-01 to 2031-12-01"]);
    expect(problems(optionalDaySchema, day)).toEqual(["Enter a date from 1990-01-01 to 2031-12-01"]);
  });

  it("still says first when a date does not exist at all", () => {
    expect(problems(dayStringSchema, "9999-02-30")).toEqual(["That date does not exist"]);
  });
});

describe("quarters", () => {
  it("accepts 1990-Q1 to the quarter five years ahead", () => {
    expect(quarterSchema.parse("1990-Q1")).toBe("1990-Q1");
    expect(quarterSchema.parse("2031-Q4")).toBe("2031-Q4");
  });

  it.each(["1989-Q4", "2032-Q1", "9999-Q4", "1000-Q1"])("refuses %s, naming the window", (quarter) => {
    expect(problems(quarterSchema, quarter)).toEqual(["Enter a quarter from 1990-Q1 to 2031-Q4"]);
  });

  it("reports quarter=9999-Q4 in a URL as a problem for the page to name, not a value to use", () => {
    expect(readUrlFilters({ quarter: "9999-Q4", since: "0001-Q1" }, { quarter: urlFilters.quarter, since: urlFilters.since })).toEqual({
      values: {},
      problems: [
        { name: "quarter", value: "9999-Q4", message: "Enter a quarter from 1990-Q1 to 2031-Q4" },
        { name: "since", value: "0001-Q1", message: "Enter a quarter from 1990-Q1 to 2031-Q4" },
      ],
    });
  });
});

describe("money", () => {
  it.each(["0", "0.00", "$0.00", "0,000.00"])("refuses %s: an entry saves at least a cent", (amount) => {
    expect(problems(dollarsSchema, amount)).toEqual(["Enter an amount of at least $0.01"]);
  });

  it("accepts one cent", () => {
    expect(dollarsSchema.parse("0.01")).toBe(1);
  });
});

describe("measure numbers", () => {
  const measure = { projectId: "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f", name: "Wait", kind: "OUTCOME", unit: "minutes", direction: "DECREASE" };
  const point = { measureId: "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f", date: "2026-11-30" };
  const RANGE = "Enter a number between -1,000,000,000,000 and 1,000,000,000,000";

  it("accepts values up to the limit either side", () => {
    expect(addDataPointSchema.parse({ ...point, value: String(MEASURE_VALUE_LIMIT) }).value).toBe(1e12);
    expect(addDataPointSchema.parse({ ...point, value: "-1000000000000" }).value).toBe(-1e12);
  });

  it.each(["1e308", "1000000000001", "-1e13"])("refuses a value of %s", (value) => {
    expect(problems(addDataPointSchema, { ...point, value })).toEqual([RANGE]);
  });

  it("refuses a baseline or target beyond the limit", () => {
    expect(problems(addMeasureSchema, { ...measure, baseline: "1e308", target: "5" })).toEqual([RANGE]);
    expect(problems(addMeasureSchema, { ...measure, baseline: "40", target: "-2e12" })).toEqual([RANGE]);
  });
});
