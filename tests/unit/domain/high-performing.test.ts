import { describe, expect, it } from "vitest";
import { highPerformingPercent } from "@/lib/domain/high-performing";
import { isHighPerforming } from "@/lib/domain/path-to-performance";
import { PUBLISHED_2021_Q2 } from "@/tests/support/published-2021-q2";

const PUBLISHED = PUBLISHED_2021_Q2.filter((row) => row.percent !== null).map((row) => ({ ...row, percent: row.percent! }));

describe("isHighPerforming", () => {
  it("counts levels 4 and 5 only", () => {
    expect([1, 2, 3, 4, 5].map(isHighPerforming)).toEqual([false, false, false, true, true]);
    expect(isHighPerforming(null)).toBe(false);
  });
});

describe("highPerformingPercent", () => {
  it("reproduces every published regional percentage", () => {
    for (const row of PUBLISHED) expect(highPerformingPercent(row.highPerforming, row.rated), row.name).toBe(row.percent);
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
