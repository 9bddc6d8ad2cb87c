// The bounds of a plausible value, in one place: beyond them a value is a slip (a year
// typed as 0001 or 9999, an amount of $0.00, a measure value of 1e308), refused with a
// message that names the bounds rather than stored.

/** The earliest year any date or quarter may carry: before the partnership's records begin. */
export const EARLIEST_YEAR = 1990;
/** How far ahead a date or quarter may go (a project's target date, a role's planned end). */
export const YEARS_AHEAD = 5;

/** The earliest plausible day, as forms type it. */
export const EARLIEST_DAY = `${EARLIEST_YEAR}-01-01`;

/** The latest plausible day: today (UTC) five years on, as a UTC midnight. */
export function latestPlausibleDay(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear() + YEARS_AHEAD, now.getUTCMonth(), now.getUTCDate()));
}

/** The largest magnitude a measure's value, baseline or target may have. */
export const MEASURE_VALUE_LIMIT = 1e12;

/** The smallest amount of savings an entry may report: one cent (an entry of nothing is a slip). */
export const MIN_AMOUNT_CENTS = 1;
