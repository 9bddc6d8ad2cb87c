/**
 * Team levels over time, as plain numbers. A region's levels are fixed exactly
 * in one anchor quarter (the published 2021-Q2 figures), then walked backward
 * and forward one quarter at a time: each team may move a level up or down, and
 * the moves across the 3/4 boundary are steered so that the region's
 * high-performing share follows a target trend.
 */
import { compareQuarters, type Quarter } from "@/lib/domain/quarter";
import type { Random } from "./random";

/** Chances of moving one level up or down in one step, indexed by level (index 0 unused). */
interface MoveRates {
  up: readonly [0, number, number, number, number, 0];
  down: readonly [0, 0, number, number, number, number];
  /** Rare two-level moves: a team that clicks, or one that loses its co-leads and falls back. */
  jumpUp: number;
  jumpDown: number;
}

/**
 * Quarter to next quarter: roughly 8–15 % of teams move up, 3–7 % down. Falls
 * of two levels (teams losing their co-leads) balance the many single steps up.
 */
const FORWARD_RATES: MoveRates = {
  up: [0, 0.3, 0.24, 0.16, 0.085, 0],
  down: [0, 0, 0.03, 0.03, 0.035, 0.06],
  jumpUp: 0.003,
  jumpDown: 0.015,
};

/** Quarter to previous quarter: the same moves seen in reverse (a team that moved up was lower before). */
const BACKWARD_RATES: MoveRates = {
  up: [0, 0.04, 0.04, 0.04, 0.06, 0],
  down: [0, 0, 0.06, 0.1, 0.1, 0.14],
  jumpUp: 0.015,
  jumpDown: 0.003,
};

const HIGH_PERFORMING = 4;

/** `highPerforming` teams at level 4 or 5 (about a third of them at 5), the rest mostly at 3. */
export function anchorLevels(count: number, highPerforming: number, random: Random): number[] {
  const levelFive = Math.round(highPerforming * 0.35);
  const low = count - highPerforming;
  const levelOne = Math.round(low * 0.08);
  const levelTwo = Math.round(low * 0.25);
  return random.shuffle([
    ...repeat(5, levelFive),
    ...repeat(4, highPerforming - levelFive),
    ...repeat(1, levelOne),
    ...repeat(2, levelTwo),
    ...repeat(3, low - levelOne - levelTwo),
  ]);
}

/** Levels of newly chartered teams at their first rating. */
export function startingLevels(count: number, random: Random): number[] {
  return Array.from({ length: count }, () =>
    random.weighted([
      [1, 25],
      [2, 35],
      [3, 30],
      [4, 10],
    ] as const),
  );
}

/**
 * Levels for every quarter (same order as `quarters`), with `anchor` at
 * `anchorQuarter` and each other quarter's high-performing share close to
 * `targetShare(quarter)`.
 */
export function walkLevels(params: {
  quarters: readonly Quarter[];
  anchorQuarter: Quarter;
  anchor: readonly number[];
  targetShare: (quarter: Quarter) => number;
  random: Random;
}): number[][] {
  const { quarters, anchorQuarter, anchor, targetShare, random } = params;
  const anchorIndex = quarters.indexOf(anchorQuarter);
  if (anchorIndex < 0) throw new RangeError(`Anchor quarter ${anchorQuarter} is outside the walk`);
  const targetCount = (quarter: Quarter) => Math.round(targetShare(quarter) * anchor.length);

  const levels: number[][] = [];
  levels[anchorIndex] = [...anchor];
  for (let index = anchorIndex - 1; index >= 0; index--) {
    levels[index] = step(levels[index + 1] as number[], targetCount(quarters[index] as Quarter), BACKWARD_RATES, random);
  }
  for (let index = anchorIndex + 1; index < quarters.length; index++) {
    levels[index] = step(levels[index - 1] as number[], targetCount(quarters[index] as Quarter), FORWARD_RATES, random);
  }
  return levels;
}

function step(previous: readonly number[], targetHigh: number, rates: MoveRates, random: Random): number[] {
  const next = previous.map((level) => move(level, rates, random));
  steerHighCount(previous, next, targetHigh, random);
  return next;
}

function move(level: number, rates: MoveRates, random: Random): number {
  let roll = random.next();
  for (const [chance, step] of [
    [rates.jumpUp, 2],
    [rates.jumpDown, -2],
    [rates.up[level] ?? 0, 1],
    [rates.down[level] ?? 0, -1],
  ] as const) {
    if (roll < chance) return clampLevel(level + step);
    roll -= chance;
  }
  return level;
}

/**
 * Moves teams across the 3/4 boundary until exactly `targetHigh` are high
 * performing, preferring changes of one level from the previous quarter.
 */
function steerHighCount(previous: readonly number[], next: number[], targetHigh: number, random: Random): void {
  let high = next.filter((level) => level >= HIGH_PERFORMING).length;
  const raising = high < targetHigh;
  const [from, to] = raising ? [3, 4] : [4, 3];
  const indices = random.shuffle(next.map((_, index) => index).filter((index) => next[index] === from));
  // Teams for which the change is at most one level from last quarter go first.
  const oneLevel = (index: number) => Math.abs(to - (previous[index] as number)) <= 1;
  const ordered = [...indices.filter(oneLevel), ...indices.filter((index) => !oneLevel(index))];
  for (const index of ordered) {
    if (high === targetHigh) break;
    next[index] = to;
    high += raising ? 1 : -1;
  }
}

/** A share that runs linearly between the given quarters (sorted), flat beyond them. */
export function linearShare(points: readonly (readonly [Quarter, number])[]): (quarter: Quarter) => number {
  return (quarter) => {
    const first = points[0];
    if (!first) throw new RangeError("A trend needs at least one point");
    if (compareQuarters(quarter, first[0]) <= 0) return first[1];
    for (let index = 1; index < points.length; index++) {
      const [fromQuarter, fromShare] = points[index - 1] as readonly [Quarter, number];
      const [toQuarter, toShare] = points[index] as readonly [Quarter, number];
      if (compareQuarters(quarter, toQuarter) <= 0) {
        const span = compareQuarters(toQuarter, fromQuarter);
        return span === 0 ? toShare : fromShare + ((toShare - fromShare) * compareQuarters(quarter, fromQuarter)) / span;
      }
    }
    return (points[points.length - 1] as readonly [Quarter, number])[1];
  };
}

function repeat(level: number, count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, () => level);
}

function clampLevel(level: number): number {
  return Math.min(5, Math.max(1, level));
}
