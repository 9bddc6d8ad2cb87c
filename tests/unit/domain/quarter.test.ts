import { describe, expect, it } from "vitest";
import {
  addQuarters,
  chooseRatedQuarter,
  compareQuarters,
  currentQuarter,
  formatQuarter,
  isQuarter,
  isQuarterClosed,
  parseQuarter,
  previousQuarter,
  quarterBounds,
  quarterOf,
  quarterRange,
  quarterSchema,
  type Quarter,
} from "@/lib/domain/quarter";

describe("quarter values", () => {
  it("accepts only the canonical form", () => {
    expect(isQuarter("2021-Q2")).toBe(true);
    for (const bad of ["2021-Q5", "2021-Q0", "2021Q2", "21-Q2", "2021-q2", " 2021-Q2", "2021-Q2 ", ""]) {
      expect(isQuarter(bad), bad).toBe(false);
    }
    expect(() => parseQuarter("2021-Q5")).toThrow(/Not a quarter/);
  });

  it("parses and formats", () => {
    expect(parseQuarter("2019-Q4")).toEqual({ year: 2019, q: 4 });
    expect(formatQuarter("2021-Q2")).toBe("Q2 2021");
  });
});

describe("quarter arithmetic", () => {
  it("steps across year boundaries", () => {
    expect(addQuarters("2020-Q4", 1)).toBe("2021-Q1");
    expect(previousQuarter("2021-Q1")).toBe("2020-Q4");
    expect(addQuarters("2019-Q1", 9)).toBe("2021-Q2");
    expect(addQuarters("2021-Q2", -9)).toBe("2019-Q1");
  });

  it("compares chronologically", () => {
    expect(compareQuarters("2020-Q4", "2021-Q1")).toBeLessThan(0);
    expect(compareQuarters("2021-Q1", "2021-Q1")).toBe(0);
    expect(compareQuarters("2022-Q1", "2021-Q4")).toBeGreaterThan(0);
  });

  it("lists ranges inclusively and returns nothing for reversed bounds", () => {
    expect(quarterRange("2020-Q3", "2021-Q2")).toEqual(["2020-Q3", "2020-Q4", "2021-Q1", "2021-Q2"]);
    expect(quarterRange("2021-Q2", "2021-Q2")).toEqual(["2021-Q2"]);
    expect(quarterRange("2021-Q3", "2021-Q2")).toEqual([]);
    // 2019-Q1 … 2026-Q4 is eight full years.
    expect(quarterRange("2019-Q1", "2026-Q4")).toHaveLength(32);
  });
});

describe("quarters and dates", () => {
  it("places dates by their UTC calendar day", () => {
    expect(quarterOf(new Date("2021-06-30T23:59:59Z"))).toBe("2021-Q2");
    expect(quarterOf(new Date("2021-07-01T00:00:00Z"))).toBe("2021-Q3");
    expect(quarterOf(new Date("2026-11-22T12:00:00Z"))).toBe("2026-Q4");
    expect(currentQuarter(new Date("2020-02-29T00:00:00Z"))).toBe("2020-Q1");
  });

  it("gives half-open bounds", () => {
    const { start, end } = quarterBounds("2021-Q4");
    expect(start.toISOString()).toBe("2021-10-01T00:00:00.000Z");
    expect(end.toISOString()).toBe("2022-01-01T00:00:00.000Z");
  });
});

describe("quarterSchema", () => {
  it("validates input with a specific message", () => {
    expect(quarterSchema.parse(" 2021-Q2 ")).toBe("2021-Q2" satisfies Quarter);
    const result = quarterSchema.safeParse("Q2 2021");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter a quarter like 2021-Q2");
  });
});

describe("isQuarterClosed", () => {
  it("closes a quarter once the next one has begun", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(isQuarterClosed("2026-Q3", now)).toBe(true);
    expect(isQuarterClosed("2026-Q4", now)).toBe(false);
    expect(isQuarterClosed("2027-Q1", now)).toBe(false);
    expect(isQuarterClosed("2026-Q4", new Date("2027-01-01T00:00:00Z"))).toBe(true);
  });
});

describe("chooseRatedQuarter", () => {
  const rated = ["2021-Q3", "2021-Q2", "2021-Q1"] as Quarter[];
  // A value that is not a quarter at all never gets here: the URL-filter parser names it (tests/unit/validation/url-filters.test.ts).
  it("takes the requested quarter when it has data, else the latest with a notice", () => {
    expect(chooseRatedQuarter("2021-Q2", rated)).toEqual({ quarter: "2021-Q2", notice: null });
    expect(chooseRatedQuarter(undefined, rated)).toEqual({ quarter: "2021-Q3", notice: null });
    expect(chooseRatedQuarter("2019-Q1", rated)).toEqual({ quarter: "2021-Q3", notice: "There are no final ratings for 2019-Q1. Showing the latest quarter instead." });
  });
});
