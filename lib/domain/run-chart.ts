import type { ImprovementDirection } from "@/lib/generated/prisma/enums";

// Run charts show a measure over time against its median. The rules here are the
// standard ones taught with the Rapid Improvement Model; they need no database.

/** Consecutive points on one side of the median that signal a real change (a "shift"). */
export const SHIFT_LENGTH = 6;

export type Side = "above" | "below";

export type Shift = {
  side: Side;
  /** Points counted in the shift; points on the median inside it are not counted. */
  length: number;
  from: string;
  to: string;
  /** On the improving side of the median: above it for a measure that should increase. */
  favourable: boolean;
};

export type RunChart<P> = {
  /** Oldest first, each marked when it is part of a shift. */
  points: (P & { inShift: boolean })[];
  median: number | null;
  baseline: number | null;
  target: number | null;
  shifts: Shift[];
  /** Null without a baseline or without data. */
  latestBeatsBaseline: boolean | null;
};

type ChartInput<P> = { points: readonly P[]; baseline: number | null; target: number | null; direction: ImprovementDirection };

/** The middle value; with an even count, the mean of the two middle values. Null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Runs of at least SHIFT_LENGTH values on one side of the centre line, as the
 * indexes of the values counted. A value on the line neither breaks a run nor adds to it.
 */
export function findShifts(values: readonly number[], centre: number): { side: Side; indexes: number[] }[] {
  const runs: { side: Side; indexes: number[] }[] = [];
  for (const [index, value] of values.entries()) {
    if (value === centre) continue;
    const side: Side = value > centre ? "above" : "below";
    const current = runs.at(-1);
    if (current?.side === side) current.indexes.push(index);
    else runs.push({ side, indexes: [index] });
  }
  return runs.filter((run) => run.indexes.length >= SHIFT_LENGTH);
}

/** Whether a value is better than the baseline in the measure's direction; equal is not better. */
export function beatsBaseline(value: number, baseline: number, direction: ImprovementDirection): boolean {
  return direction === "INCREASE" ? value > baseline : value < baseline;
}

function improvingSide(direction: ImprovementDirection): Side {
  return direction === "INCREASE" ? "above" : "below";
}

/** Everything a run chart shows: the points in date order, the median, the target and any shifts. */
export function buildRunChart<P extends { date: string; value: number }>(input: ChartInput<P>): RunChart<P> {
  // ISO days ("2024-03-12") sort as text in date order.
  const points = [...input.points].sort((a, b) => a.date.localeCompare(b.date));
  const values = points.map((point) => point.value);
  const centre = median(values);
  const runs = centre === null ? [] : findShifts(values, centre);
  const shifted = new Set(runs.flatMap((run) => run.indexes));
  const latest = points.at(-1);
  return {
    points: points.map((point, index) => ({ ...point, inShift: shifted.has(index) })),
    median: centre,
    baseline: input.baseline,
    target: input.target,
    shifts: runs.map((run) => ({
      side: run.side,
      length: run.indexes.length,
      from: points[run.indexes[0]!]!.date,
      to: points[run.indexes.at(-1)!]!.date,
      favourable: run.side === improvingSide(input.direction),
    })),
    latestBeatsBaseline: latest && input.baseline !== null ? beatsBaseline(latest.value, input.baseline, input.direction) : null,
  };
}
