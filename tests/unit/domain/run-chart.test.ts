import { describe, expect, it } from "vitest";
import { beatsBaseline, buildRunChart, findShifts, median, SHIFT_LENGTH } from "@/lib/domain/run-chart";

/** Points on consecutive days from 2024-01-01, in the order given. */
function daily(values: number[]) {
  return values.map((value, index) => ({ date: `2024-01-${String(index + 1).padStart(2, "0")}`, value }));
}

describe("median", () => {
  it("is the middle value of an odd count, whatever the order", () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([5])).toBe(5);
  });

  it("is the mean of the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
    expect(median([-3, -1])).toBe(-2);
  });

  it("is null without values", () => {
    expect(median([])).toBeNull();
  });

  it("leaves its input as it was", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("findShifts: six or more consecutive points on one side of the median", () => {
  it("is the standard rule: six in a row make a shift, five do not", () => {
    expect(SHIFT_LENGTH).toBe(6);
    expect(findShifts([6, 7, 8, 9, 10, 11], 5)).toEqual([{ side: "above", indexes: [0, 1, 2, 3, 4, 5] }]);
    expect(findShifts([6, 7, 8, 9, 10], 5)).toEqual([]);
  });

  it("is broken by a point on the other side", () => {
    expect(findShifts([1, 1, 1, 9, 1, 1, 1], 5)).toEqual([]);
  });

  it("is neither broken nor lengthened by points on the median", () => {
    // Five below, one on the median, one more below: six counted, the median point not among them.
    expect(findShifts([1, 2, 3, 4, 4, 5, 1], 5)).toEqual([{ side: "below", indexes: [0, 1, 2, 3, 4, 6] }]);
    // Three below, three on the median, two below: only five counted.
    expect(findShifts([1, 1, 1, 5, 5, 5, 1, 1], 5)).toEqual([]);
  });

  it("finds every shift, on either side", () => {
    const values = [1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9];
    expect(findShifts(values, 5)).toEqual([
      { side: "below", indexes: [0, 1, 2, 3, 4, 5] },
      { side: "above", indexes: [6, 7, 8, 9, 10, 11, 12] },
    ]);
  });
});

describe("beatsBaseline", () => {
  it("depends on the direction of improvement; equal is not better", () => {
    expect(beatsBaseline(90, 84, "INCREASE")).toBe(true);
    expect(beatsBaseline(80, 84, "INCREASE")).toBe(false);
    expect(beatsBaseline(80, 84, "DECREASE")).toBe(true);
    expect(beatsBaseline(84, 84, "INCREASE")).toBe(false);
    expect(beatsBaseline(84, 84, "DECREASE")).toBe(false);
  });
});

describe("buildRunChart", () => {
  it("sorts the points by date and computes the median over all of them", () => {
    const chart = buildRunChart({
      points: [
        { date: "2024-03-01", value: 30 },
        { date: "2024-01-01", value: 10 },
        { date: "2024-02-01", value: 20 },
      ],
      baseline: null,
      target: 40,
      direction: "INCREASE",
    });
    expect(chart.points.map((point) => point.date)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    expect(chart).toMatchObject({ median: 20, target: 40, baseline: null, shifts: [], latestBeatsBaseline: null });
  });

  it("keeps each point's own fields and marks the points of a shift", () => {
    // Median 9.5: five below, six above, one below again.
    const points = daily([2, 9, 3, 8, 5, 10, 11, 12, 13, 14, 15, 4]).map((point, index) => ({ ...point, id: `p${index}` }));
    const chart = buildRunChart({ points, baseline: 5, target: 15, direction: "INCREASE" });
    expect(chart.median).toBe(9.5);
    expect(chart.points.map((point) => point.inShift)).toEqual([false, false, false, false, false, true, true, true, true, true, true, false]);
    expect(chart.points[5]).toEqual({ id: "p5", date: "2024-01-06", value: 10, inShift: true });
    expect(chart.shifts).toEqual([{ side: "above", length: 6, from: "2024-01-06", to: "2024-01-11", favourable: true }]);
  });

  it("calls a shift favourable only on the improving side of the median", () => {
    // Median 5: five above, then six below with one point on the median among them.
    const values = [12, 14, 13, 15, 11, 3, 2, 4, 1, 5, 2, 3, 10];
    const decreasing = buildRunChart({ points: daily(values), baseline: null, target: null, direction: "DECREASE" });
    expect(decreasing.median).toBe(5);
    expect(decreasing.shifts).toEqual([{ side: "below", length: 6, from: "2024-01-06", to: "2024-01-12", favourable: true }]);
    const increasing = buildRunChart({ points: daily(values), baseline: null, target: null, direction: "INCREASE" });
    expect(increasing.shifts.map((shift) => shift.favourable)).toEqual([false]);
  });

  it("says whether the latest value beats the baseline in the improvement direction", () => {
    const points = daily([12, 11, 9]);
    expect(buildRunChart({ points, baseline: 10, target: 8, direction: "DECREASE" }).latestBeatsBaseline).toBe(true);
    expect(buildRunChart({ points, baseline: 10, target: 14, direction: "INCREASE" }).latestBeatsBaseline).toBe(false);
  });

  it("is empty without points", () => {
    expect(buildRunChart({ points: [], baseline: 10, target: 20, direction: "INCREASE" })).toEqual({
      points: [],
      median: null,
      baseline: 10,
      target: 20,
      shifts: [],
      latestBeatsBaseline: null,
    });
  });
});
