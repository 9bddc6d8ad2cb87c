import { z } from "zod";
import { EARLIEST_YEAR, latestPlausibleDay } from "@/lib/domain/plausible";

/** A calendar quarter such as "2021-Q2": the only way quarters travel through the code. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export function isQuarter(value: string): value is Quarter {
  return QUARTER_PATTERN.test(value);
}

export function parseQuarter(value: string): { year: number; q: 1 | 2 | 3 | 4 } {
  const match = QUARTER_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not a quarter: "${value}" (expected e.g. 2021-Q2)`);
  return { year: Number(match[1]), q: Number(match[2]) as 1 | 2 | 3 | 4 };
}

export function makeQuarter(year: number, q: number): Quarter {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year: ${year}`);
  if (!Number.isInteger(q) || q < 1 || q > 4) throw new RangeError(`Bad quarter number: ${q}`);
  return `${year}-Q${q}` as Quarter;
}

/** Quarters as a running count, so that differences and offsets are plain integers. */
function toIndex(quarter: Quarter): number {
  const { year, q } = parseQuarter(quarter);
  return year * 4 + (q - 1);
}

function fromIndex(index: number): Quarter {
  return makeQuarter(Math.floor(index / 4), (index % 4) + 1);
}

export function addQuarters(quarter: Quarter, count: number): Quarter {
  return fromIndex(toIndex(quarter) + count);
}

export function previousQuarter(quarter: Quarter): Quarter {
  return addQuarters(quarter, -1);
}

/** Negative when a is earlier than b. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return toIndex(a) - toIndex(b);
}

/** Every quarter from `from` to `to`, both included; empty when `from` is later. */
export function quarterRange(from: Quarter, to: Quarter): Quarter[] {
  const quarters: Quarter[] = [];
  for (let i = toIndex(from); i <= toIndex(to); i++) quarters.push(fromIndex(i));
  return quarters;
}

/** The quarter a date falls in, by its UTC calendar date. */
export function quarterOf(date: Date): Quarter {
  return makeQuarter(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) + 1);
}

/** First day (inclusive) and the day after the last (exclusive), as UTC dates. */
export function quarterBounds(quarter: Quarter): { start: Date; end: Date } {
  const { year, q } = parseQuarter(quarter);
  return {
    start: new Date(Date.UTC(year, (q - 1) * 3, 1)),
    end: new Date(Date.UTC(year, q * 3, 1)),
  };
}

export function currentQuarter(now: Date = new Date()): Quarter {
  return quarterOf(now);
}

export function formatQuarter(quarter: Quarter): string {
  const { year, q } = parseQuarter(quarter);
  return `Q${q} ${year}`;
}

/** The first quarter any record may carry. */
export const EARLIEST_QUARTER: Quarter = `${EARLIEST_YEAR}-Q1`;

/** The last plausible quarter: the one five years ahead (lib/domain/plausible.ts). */
export function latestPlausibleQuarter(now: Date = new Date()): Quarter {
  return quarterOf(latestPlausibleDay(now));
}

/** A quarter such as "2021-Q2", within the plausible window (so no later step runs past year 9999). */
export const quarterSchema = z
  .string()
  .trim()
  .refine(isQuarter, { message: "Enter a quarter like 2021-Q2", abort: true })
  .transform((value, context) => {
    const latest = latestPlausibleQuarter();
    if (compareQuarters(value, EARLIEST_QUARTER) < 0 || compareQuarters(value, latest) > 0) {
      context.addIssue({ code: "custom", message: `Enter a quarter from ${EARLIEST_QUARTER} to ${latest}` });
      return z.NEVER;
    }
    return value;
  });

/** A quarter has closed once the current quarter is later: its figures can no longer move by rating work. */
export function isQuarterClosed(quarter: Quarter, now: Date = new Date()): boolean {
  return compareQuarters(quarter, currentQuarter(now)) < 0;
}

/**
 * The quarter a page asked for (e.g. ?quarter=2021-Q2, already read by the URL-filter
 * parser), when it has data; otherwise the latest one that has, with a notice saying why.
 * `rated` lists the quarters with data, newest first, and is not empty.
 */
export function chooseRatedQuarter(requested: Quarter | undefined, rated: readonly Quarter[]): { quarter: Quarter; notice: string | null } {
  const latest = rated[0]!;
  if (requested === undefined) return { quarter: latest, notice: null };
  if (!rated.includes(requested)) return { quarter: latest, notice: `There are no final ratings for ${requested}. Showing the latest quarter instead.` };
  return { quarter: requested, notice: null };
}
