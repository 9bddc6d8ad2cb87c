/**
 * The share of rated teams that are high performing, as a whole percent rounded
 * half up (the partnership publishes whole percents: 188 of 256 → 73).
 * Integer arithmetic, so no binary fraction can tip a .5 either way.
 * Null when no team was rated: "no data" is not 0 %.
 */
export function highPerformingPercent(highPerforming: number, rated: number): number | null {
  if (!Number.isInteger(highPerforming) || !Number.isInteger(rated) || highPerforming < 0 || rated < 0) {
    throw new RangeError(`Counts must be non-negative integers (got ${highPerforming} of ${rated})`);
  }
  if (highPerforming > rated) throw new RangeError(`${highPerforming} high performing out of only ${rated} rated`);
  if (rated === 0) return null;
  return Math.floor((200 * highPerforming + rated) / (2 * rated));
}

export type RegionCounts = { rated: number; highPerforming: number };

/** Totals across regions: the percent of the sums, never an average of percents. */
export function totalCounts(rows: readonly RegionCounts[]): RegionCounts & { percent: number | null } {
  const rated = rows.reduce((sum, row) => sum + row.rated, 0);
  const highPerforming = rows.reduce((sum, row) => sum + row.highPerforming, 0);
  return { rated, highPerforming, percent: highPerformingPercent(highPerforming, rated) };
}
