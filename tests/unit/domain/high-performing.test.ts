import { describe, expect, it } from "vitest";
import { highPerformingPercent, totalCounts } from "@/lib/domain/high-performing";
import { isHighPerforming } from "@/lib/domain/path-to-performance";

// DOMAIN.md: "Rated high performing as of June 2021".
const PUBLISHED = [
  { region: "Colorado", rated: 256, highPerforming: 188, percent: 73 },
  { region: "Georgia", rated: 108, highPerforming: 94, percent: 87 },
  { region: "Hawaii", rated: 60, highPerforming: 54, percent: 90 },
  { region: "Mid-Atlantic States", rated: 277, highPerforming: 213, percent: 77 },
  { region: "Northern California", rated: 1347, highPerforming: 1006, percent: 75 },
  { region: "Northwest", rated: 407, highPerforming: 280, percent: 69 },
  { region: "Southern California", rated: 1115, highPerforming: 789, percent: 71 },
  { region: "National Functions", rated: 81, highPerforming: 50, percent: 62 },
];

describe("isHighPerforming", () => {
  it("counts levels 4 and 5 only", () => {
    expect([1, 2, 3, 4, 5].map(isHighPerforming)).toEqual([false, false, false, true, true]);
    expect(isHighPerforming(null)).toBe(false);
  });
});

describe("highPerformingPercent", () => {
  it("reproduces every published regional percentage", () => {
    for (const row of PUBLISHED) expect(highPerformingPercent(row.highPerforming, row.rated), row.region).toBe(row.percent);
  });

  it("rounds half up and otherwise to the nearest whole percent", () => {
    expect(highPerformingPercent(1, 8)).toBe(13); // 12.5
    expect(highPerformingPercent(3, 8)).toBe(38); // 37.5
    expect(highPerformingPercent(1, 3)).toBe(33); // 33.33…
    expect(highPerformingPercent(2, 3)).toBe(67); // 66.66…
    expect(highPerformingPercent(199, 200)).toBe(100); // 99.5
    expect(highPerformingPercent(1, 200)).toBe(1); // 0.5
    expect(highPerformingPercent(0, 5)).toBe(0);
    expect(highPerformingPercent(5, 5)).toBe(100);
  });

  it("is null, not zero, when nobody was rated", () => {
    expect(highPerformingPercent(0, 0)).toBeNull();
  });

  it("rejects impossible counts", () => {
    expect(() => highPerformingPercent(6, 5)).toThrow(RangeError);
    expect(() => highPerformingPercent(-1, 5)).toThrow(RangeError);
    expect(() => highPerformingPercent(1.5, 5)).toThrow(RangeError);
  });
});

describe("totalCounts", () => {
  it("gives the published total from the sums, not from averaging percents", () => {
    expect(totalCounts(PUBLISHED)).toEqual({ rated: 3651, highPerforming: 2674, percent: 73 });
    const averageOfPercents = PUBLISHED.reduce((sum, row) => sum + row.percent, 0) / PUBLISHED.length;
    expect(Math.round(averageOfPercents)).not.toBe(73);
  });

  it("is empty-safe", () => {
    expect(totalCounts([])).toEqual({ rated: 0, highPerforming: 0, percent: null });
  });
});
