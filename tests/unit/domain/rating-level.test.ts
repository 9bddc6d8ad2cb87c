import { describe, expect, it } from "vitest";
import { assessLevel, emptyCells, type CriterionRef } from "@/lib/domain/rating-level";
import { DIMENSIONS } from "@/lib/domain/path-to-performance";
import type { Dimension } from "@/lib/generated/prisma/enums";

/** A full set: `perCell` criteria in every dimension × level, ids like "TRAINING-3-2". */
function criteriaSet(prefix = "", perCell = 2): CriterionRef[] {
  return DIMENSIONS.flatMap(({ key }) =>
    [1, 2, 3, 4, 5].flatMap((level) =>
      Array.from({ length: perCell }, (_, index) => ({ id: `${prefix}${key}-${level}-${index + 1}`, dimension: key, level })),
    ),
  );
}

/** Ids of every criterion up to `level` (all dimensions, or only the given one). */
function metThrough(set: CriterionRef[], level: number, only?: Dimension): Set<string> {
  return new Set(set.filter((c) => c.level <= level && (!only || c.dimension === only)).map((c) => c.id));
}

const SET = criteriaSet();

describe("assessLevel", () => {
  it("gives level 5 when every criterion is met", () => {
    const result = assessLevel(SET, new Set(SET.map((c) => c.id)));
    expect(result.level).toBe(5);
    expect(Object.values(result.dimensions)).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(result.nextLevel).toBeNull();
    expect(result.missingForNextLevel).toEqual([]);
  });

  it("gives each level when everything up to it is met", () => {
    for (const level of [1, 2, 3, 4]) {
      const result = assessLevel(SET, metThrough(SET, level));
      expect(result.level).toBe(level);
      expect(result.nextLevel).toBe(level + 1);
      // Every dimension misses exactly the two criteria of the next level.
      expect(result.missingForNextLevel).toHaveLength(7);
      for (const gap of result.missingForNextLevel) expect(gap.criteria.map((c) => c.level)).toEqual([level + 1, level + 1]);
    }
  });

  it("stops a dimension at a gap, even when higher levels are met", () => {
    const met = new Set(SET.map((c) => c.id));
    met.delete("TRAINING-3-2");
    const result = assessLevel(SET, met);
    expect(result.dimensions.TRAINING).toBe(2);
    expect(result.dimensions.SPONSORSHIP).toBe(5);
    expect(result.level).toBe(2);
    expect(result.missingForNextLevel).toEqual([{ dimension: "TRAINING", criteria: [{ id: "TRAINING-3-2", dimension: "TRAINING", level: 3 }] }]);
  });

  it("takes the team's level from its lowest dimension", () => {
    const met = new Set([...metThrough(SET, 5)].filter((id) => !id.startsWith("USE_OF_TOOLS-4") && !id.startsWith("USE_OF_TOOLS-5")));
    const result = assessLevel(SET, met);
    expect(result.dimensions.USE_OF_TOOLS).toBe(3);
    expect(result.level).toBe(3);
    expect(result.missingForNextLevel.map((gap) => gap.dimension)).toEqual(["USE_OF_TOOLS"]);
  });

  it("gives no level when a dimension has no criterion met, and names level 1's gaps", () => {
    const met = new Set([...metThrough(SET, 3)].filter((id) => !id.startsWith("LEADERSHIP-")));
    const result = assessLevel(SET, met);
    expect(result.dimensions.LEADERSHIP).toBeNull();
    expect(result.dimensions.TRAINING).toBe(3);
    expect(result.level).toBeNull();
    expect(result.nextLevel).toBe(1);
    expect(result.missingForNextLevel).toEqual([
      { dimension: "LEADERSHIP", criteria: SET.filter((c) => c.dimension === "LEADERSHIP" && c.level === 1) },
    ]);
  });

  it("gives no level with nothing met", () => {
    const result = assessLevel(SET, new Set());
    expect(result.level).toBeNull();
    expect(Object.values(result.dimensions).every((level) => level === null)).toBe(true);
  });

  it("counts only criteria of the set being assessed (versions do not mix)", () => {
    const version2 = criteriaSet("v2:");
    // Everything of version 1 is met, nothing of version 2.
    const result = assessLevel(version2, new Set(SET.map((c) => c.id)));
    expect(result.level).toBeNull();
    // A version with a criterion added at level 2 of training needs it too.
    const extended = [...SET, { id: "TRAINING-2-new", dimension: "TRAINING" as const, level: 2 }];
    expect(assessLevel(extended, metThrough(SET, 5)).level).toBe(1);
  });

  it("does not let a cell without criteria count as met", () => {
    const withoutTeamProcess3 = SET.filter((c) => !(c.dimension === "TEAM_PROCESS" && c.level === 3));
    expect(assessLevel(withoutTeamProcess3, new Set(withoutTeamProcess3.map((c) => c.id))).level).toBe(2);
  });
});

describe("emptyCells", () => {
  it("lists the cells a set leaves empty", () => {
    expect(emptyCells(SET)).toEqual([]);
    const sparse = SET.filter((c) => !(c.dimension === "TRAINING" && c.level === 3) && !(c.dimension === "LEADERSHIP" && c.level === 5));
    expect(emptyCells(sparse)).toEqual([
      { dimension: "LEADERSHIP", level: 5 },
      { dimension: "TRAINING", level: 3 },
    ]);
  });
});
