import { z } from "zod";
import { EARLIEST_DAY, latestPlausibleDay } from "@/lib/domain/plausible";

/** A calendar day as forms send it ("2026-11-22"), parsed to a UTC midnight Date, within the plausible window (lib/domain/plausible.ts). */
export const dayStringSchema = z
  .string({ error: "Enter a date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
  .transform((text, context) => {
    const date = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || toDayString(date) !== text) {
      context.addIssue({ code: "custom", message: "That date does not exist" });
      return z.NEVER;
    }
    const latest = toDayString(latestPlausibleDay());
    if (text < EARLIEST_DAY || text > latest) {
      context.addIssue({ code: "custom", message: `Enter a date from ${EARLIEST_DAY} to ${latest}` });
      return z.NEVER;
    }
    return date;
  });

/** An optional day: an empty field means "not set". */
export const optionalDaySchema = z.preprocess((value) => (value === "" || value === null ? undefined : value), dayStringSchema.optional());

/** Today's date as a UTC midnight, the latest day a record of something done may carry. */
export function todayUtc(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** "2026-11-22" for a date input's value. */
export function toDayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A day no later than today. Today is UTC's, which is at or ahead of every US day, so nobody's own today is refused. */
export function pastDaySchema(futureMessage: string) {
  return dayStringSchema.refine((day) => day <= todayUtc(), futureMessage);
}
