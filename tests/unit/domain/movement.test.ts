import { describe, expect, it } from "vitest";
import { levelChange, summariseMovement, type TeamLevels } from "@/lib/domain/movement";

type Team = TeamLevels & { code: string };

const team = (code: string, previousLevel: number | null, level: number | null): Team => ({ code, previousLevel, level });
const codes = (teams: readonly { code: string }[]) => teams.map((entry) => entry.code);

describe("levelChange", () => {
  it("classifies up, same and down with the number of levels", () => {
    expect(levelChange(2, 3)).toEqual({ direction: "up", levels: 1 });
    expect(levelChange(1, 3)).toEqual({ direction: "up", levels: 2 });
    expect(levelChange(4, 4)).toEqual({ direction: "same", levels: 0 });
    expect(levelChange(5, 4)).toEqual({ direction: "down", levels: 1 });
    expect(levelChange(5, 2)).toEqual({ direction: "down", levels: 3 });
  });
});

describe("summariseMovement", () => {
  it("has no shares, only zeros, when there is nothing to compare", () => {
    const summary = summariseMovement([]);
    expect(summary.figures).toEqual({
      ratedPrevious: 0,
      ratedCurrent: 0,
      ratedBoth: 0,
      up: { count: 0, percent: null },
      same: { count: 0, percent: null },
      down: { count: 0, percent: null },
      newlyRated: 0,
      notYetRated: 0,
    });
    expect([summary.up, summary.same, summary.down, summary.newlyRated, summary.notYetRated]).toEqual([[], [], [], [], []]);
  });

  it("sorts teams into groups, keeps two-level moves, and keeps input order", () => {
    const summary = summariseMovement([
      team("A", 2, 3),
      team("B", 1, 3),
      team("C", 3, 3),
      team("D", 4, 3),
      team("E", 5, 3),
      team("F", 3, 4),
    ]);
    expect(codes(summary.up)).toEqual(["A", "B", "F"]);
    expect(codes(summary.same)).toEqual(["C"]);
    expect(codes(summary.down)).toEqual(["D", "E"]);
    expect(summary.up.map((entry) => entry.change.levels)).toEqual([1, 2, 1]);
    expect(summary.down[1]).toEqual({ code: "E", previousLevel: 5, level: 3, change: { direction: "down", levels: 2 } });
  });

  it("lists newly rated and not-yet-rated teams apart, outside the shares", () => {
    const summary = summariseMovement([
      team("moved", 2, 3),
      team("stayed", 3, 3),
      team("new", null, 2),
      team("waiting", 4, null),
      team("never", null, null),
    ]);
    expect(codes(summary.newlyRated)).toEqual(["new"]);
    expect(codes(summary.notYetRated)).toEqual(["waiting"]);
    expect(summary.figures).toMatchObject({
      ratedPrevious: 3,
      ratedCurrent: 3,
      ratedBoth: 2,
      up: { count: 1, percent: 50 },
      same: { count: 1, percent: 50 },
      down: { count: 0, percent: 0 },
      newlyRated: 1,
      notYetRated: 1,
    });
  });

  it("treats a quarter without earlier ratings as all newly rated, with no shares", () => {
    const summary = summariseMovement([team("A", null, 1), team("B", null, 4)]);
    expect(summary.figures).toMatchObject({ ratedPrevious: 0, ratedCurrent: 2, ratedBoth: 0, newlyRated: 2 });
    expect(summary.figures.up.percent).toBeNull();
  });

  it("rounds each share with wholePercent (half up, never averaged)", () => {
    // 1 of 8 up (12.5 → 13), 3 of 8 down (37.5 → 38), 4 of 8 same (50).
    const eight = [team("u", 1, 2), ...["d1", "d2", "d3"].map((code) => team(code, 3, 2)), ...["s1", "s2", "s3", "s4"].map((code) => team(code, 2, 2))];
    expect(summariseMovement(eight).figures).toMatchObject({ up: { count: 1, percent: 13 }, down: { count: 3, percent: 38 }, same: { count: 4, percent: 50 } });

    // Thirds: the rounded shares need not add up to 100.
    const three = [team("u", 1, 2), team("s", 2, 2), team("d", 3, 2)];
    expect(summariseMovement(three).figures).toMatchObject({ up: { percent: 33 }, same: { percent: 33 }, down: { percent: 33 } });
  });
});
