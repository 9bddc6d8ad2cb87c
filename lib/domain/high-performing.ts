/**
 * A share as a whole percent, rounded half up (the partnership publishes whole
 * percents: 188 of 256 → 73). Integer arithmetic, so no binary fraction can tip
 * a .5 either way. Null when the whole is zero: "no data" is not 0 %.
 */
export function wholePercent(part: number, whole: number): number | null {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole < 0) {
    throw new RangeError(`Counts must be non-negative integers (got ${part} of ${whole})`);
  }
  if (part > whole) throw new RangeError(`${part} is more than the whole of ${whole}`);
  if (whole === 0) return null;
  return Math.floor((200 * part + whole) / (2 * whole));
}

/** The share of rated teams that are high performing (level 4 or 5). */
export function highPerformingPercent(highPerforming: number, rated: number): number | null {
  return wholePercent(highPerforming, rated);
}
