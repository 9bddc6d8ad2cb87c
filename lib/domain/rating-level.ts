import type { Dimension } from "@/lib/generated/prisma/enums";
import { DIMENSIONS, LEVELS } from "@/lib/domain/path-to-performance";

export type CriterionRef = { id: string; dimension: Dimension; level: number };

export type MissingCriteria = { dimension: Dimension; criteria: CriterionRef[] };

export type LevelAssessment = {
  /** Per dimension: the highest level whose criteria, and those of every level below, are all met. */
  dimensions: Record<Dimension, number | null>;
  /** The lowest dimension level: a team reaches a level only when every dimension does. Null below level 1. */
  level: number | null;
  /** The level to aim for next, or null at the top. */
  nextLevel: number | null;
  /** What stands between the team and the next level, dimension by dimension (only dimensions with gaps). */
  missingForNextLevel: MissingCriteria[];
};

const TOP_LEVEL = LEVELS[LEVELS.length - 1]!.level;

/**
 * The Path to Performance level rule. `criteria` is one criteria set; `met` holds
 * the ids of the criteria ticked as met (ids from another set are ignored: they
 * cannot count towards this set's levels).
 */
export function assessLevel(criteria: readonly CriterionRef[], met: ReadonlySet<string>): LevelAssessment {
  const dimensions = Object.fromEntries(
    DIMENSIONS.map(({ key }) => [key, dimensionLevel(criteria.filter((criterion) => criterion.dimension === key), met)]),
  ) as Record<Dimension, number | null>;

  const levels = Object.values(dimensions);
  const level = levels.includes(null) ? null : Math.min(...(levels as number[]));
  const nextLevel = level === null ? 1 : level < TOP_LEVEL ? level + 1 : null;

  const missingForNextLevel =
    nextLevel === null
      ? []
      : DIMENSIONS.map(({ key }) => ({
          dimension: key,
          criteria: criteria.filter((criterion) => criterion.dimension === key && criterion.level <= nextLevel && !met.has(criterion.id)),
        })).filter((entry) => entry.criteria.length > 0);

  return { dimensions, level, nextLevel, missingForNextLevel };
}

function dimensionLevel(criteria: readonly CriterionRef[], met: ReadonlySet<string>): number | null {
  let reached: number | null = null;
  for (const { level } of LEVELS) {
    const atLevel = criteria.filter((criterion) => criterion.level === level);
    // A level with no criteria cannot be shown to be met (criteria sets fill every cell before publishing).
    if (atLevel.length === 0 || !atLevel.every((criterion) => met.has(criterion.id))) break;
    reached = level;
  }
  return reached;
}

/** Cells (dimension × level) left without a criterion: a set with any cannot be published. */
export function emptyCells(criteria: readonly CriterionRef[]): { dimension: Dimension; level: number }[] {
  return DIMENSIONS.flatMap(({ key }) =>
    LEVELS.filter(({ level }) => !criteria.some((criterion) => criterion.dimension === key && criterion.level === level)).map(({ level }) => ({
      dimension: key,
      level,
    })),
  );
}
