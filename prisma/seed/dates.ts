/** Date helpers for the seed. All dates are UTC; `@db.Date` columns get UTC midnight. */
import type { Random } from "./random";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export function utcDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

/** The calendar day of a timestamp, as UTC midnight. */
export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

export function earliest(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((date) => date.getTime())));
}

export function latest(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((date) => date.getTime())));
}

/** A timestamp in [from, to], rounded down to the minute; `from` when the range is empty. */
export function randomTimeBetween(random: Random, from: Date, to: Date): Date {
  if (to <= from) return from;
  const time = from.getTime() + random.next() * (to.getTime() - from.getTime());
  return new Date(Math.max(from.getTime(), Math.floor(time / MINUTE_MS) * MINUTE_MS));
}

/** A calendar day in [from, to] (both as days); `from`'s day when the range is empty. */
export function randomDayBetween(random: Random, from: Date, to: Date): Date {
  const first = startOfDay(from);
  const span = daysBetween(first, startOfDay(to));
  return span <= 0 ? first : addDays(first, random.int(0, span));
}
