import type { Cents } from "@/lib/domain/money";
import type { SavingsCategory, SavingsRecurrence, SavingsStatus } from "@/lib/generated/prisma/enums";

/**
 * How reported savings roll up. Three rules, each deliberate:
 * - Reported and validated stand side by side. "Reported" is everything not
 *   rejected (awaiting review plus validated); "validated" is what a finance
 *   reviewer or LMP staff signed off; rejected entries are shown apart and never
 *   count towards either.
 * - No annualising. A recurring entry's amount is the saving for its stated
 *   period, counted once; the period is shown, never used to extrapolate.
 * - No double counting through spread. An entry is credited to the team whose
 *   project recorded it (its `teamId`), and nowhere else: a team that adopts a
 *   practice reports its own savings on its own project, so the origin team's
 *   entries never reach the adopter's total, and the teams' totals add up to the
 *   grand total exactly.
 * Integer cents only; every sum is checked to stay a safe integer.
 */

/** What a roll-up needs of an entry. */
export type SavingsFigures = {
  amountCents: Cents;
  status: SavingsStatus;
  recurrence: SavingsRecurrence;
  periodStart: Date | null;
  periodEnd: Date | null;
};

export type SplitCents = { oneTimeCents: Cents; recurringCents: Cents; totalCents: Cents };

export type SavingsTotals = {
  /** Everything not rejected: awaiting review plus validated. */
  reported: SplitCents;
  validated: SplitCents;
  rejected: SplitCents;
};

// ───────────────────────────── labels and workflow ─────────────────────────────

export const SAVINGS_CATEGORY_LABELS: Record<SavingsCategory, string> = {
  HARD_SAVINGS: "Hard savings",
  SOFT_SAVINGS: "Soft savings",
  COST_AVOIDANCE: "Cost avoidance",
  REVENUE: "Revenue",
};

export const SAVINGS_RECURRENCE_LABELS: Record<SavingsRecurrence, string> = {
  ONE_TIME: "One-time",
  RECURRING: "Recurring",
};

export const SAVINGS_STATUS_LABELS: Record<SavingsStatus, string> = {
  REPORTED: "Awaiting review",
  VALIDATED: "Validated",
  REJECTED: "Rejected",
};

/** Validated figures are locked; reported ones can be edited and rejected ones corrected (which reports them again). */
export function isEditable(status: SavingsStatus): boolean {
  return status !== "VALIDATED";
}

/** Only entries awaiting review can be validated or rejected. */
export function isAwaitingReview(status: SavingsStatus): boolean {
  return status === "REPORTED";
}

/**
 * The period rule: a recurring saving names the period it covers; a one-time saving
 * may name one (both ends or neither). Null when the period is acceptable.
 */
export function periodProblem(
  recurrence: SavingsRecurrence,
  periodStart: Date | null,
  periodEnd: Date | null,
): { field: "periodStart" | "periodEnd"; message: string } | null {
  if (recurrence === "RECURRING" && periodStart === null) return { field: "periodStart", message: "Recurring savings need the start of the period they cover" };
  if (recurrence === "RECURRING" && periodEnd === null) return { field: "periodEnd", message: "Recurring savings need the end of the period they cover" };
  if ((periodStart === null) !== (periodEnd === null)) {
    return { field: periodStart === null ? "periodStart" : "periodEnd", message: "Give both the start and the end of the period, or neither" };
  }
  if (periodStart !== null && periodEnd !== null && periodEnd < periodStart) {
    return { field: "periodEnd", message: "The period cannot end before it starts" };
  }
  return null;
}

// ───────────────────────────── cents arithmetic ─────────────────────────────

/** Adds amounts of cents, refusing anything that is not (or would stop being) a safe integer. */
export function addCents(...amounts: Cents[]): Cents {
  let sum = 0;
  for (const amount of amounts) {
    assertSafeCents(amount);
    sum += amount;
    assertSafeCents(sum);
  }
  return sum;
}

/** A sum of cents from SQL (a bigint), as a number; refuses what a number cannot hold exactly. */
export function centsFromSum(sum: bigint | number): Cents {
  const cents = typeof sum === "bigint" ? Number(sum) : sum;
  if (typeof sum === "bigint" && BigInt(cents) !== sum) throw new RangeError(`A sum of ${sum} cents is too large to handle exactly`);
  assertSafeCents(cents);
  return cents;
}

function assertSafeCents(cents: Cents): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole, safe number of cents: ${cents}`);
}

/** 1234567 → "12345.67": plain dollars for files and spreadsheets (formatCents is for people). */
export function centsAsDecimal(cents: Cents): string {
  assertSafeCents(cents);
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

// ───────────────────────────── roll-ups ─────────────────────────────

export function splitCents(oneTimeCents: Cents, recurringCents: Cents): SplitCents {
  return { oneTimeCents: addCents(oneTimeCents), recurringCents: addCents(recurringCents), totalCents: addCents(oneTimeCents, recurringCents) };
}

const ZERO_SPLIT: SplitCents = { oneTimeCents: 0, recurringCents: 0, totalCents: 0 };

export const ZERO_TOTALS: SavingsTotals = { reported: ZERO_SPLIT, validated: ZERO_SPLIT, rejected: ZERO_SPLIT };

function addSplits(a: SplitCents, b: SplitCents): SplitCents {
  return splitCents(addCents(a.oneTimeCents, b.oneTimeCents), addCents(a.recurringCents, b.recurringCents));
}

/** Adds roll-ups, e.g. regions into a national total. */
function addTotals(...totals: SavingsTotals[]): SavingsTotals {
  return totals.reduce(
    (sum, next) => ({
      reported: addSplits(sum.reported, next.reported),
      validated: addSplits(sum.validated, next.validated),
      rejected: addSplits(sum.rejected, next.rejected),
    }),
    ZERO_TOTALS,
  );
}

/** One entry as a roll-up of its own. */
function entryTotals(entry: SavingsFigures): SavingsTotals {
  const split = entry.recurrence === "RECURRING" ? splitCents(0, entry.amountCents) : splitCents(entry.amountCents, 0);
  return {
    reported: entry.status === "REJECTED" ? ZERO_SPLIT : split,
    validated: entry.status === "VALIDATED" ? split : ZERO_SPLIT,
    rejected: entry.status === "REJECTED" ? split : ZERO_SPLIT,
  };
}

/** Reported, validated and rejected totals of the entries, each split one-time vs recurring. */
export function totalSavings(entries: readonly SavingsFigures[]): SavingsTotals {
  return addTotals(...entries.map(entryTotals));
}

/** The six sums a SQL roll-up returns (see lib/data/savings.ts), as totals. */
export type SavingsSums = {
  reportedOneTime: bigint | number;
  reportedRecurring: bigint | number;
  validatedOneTime: bigint | number;
  validatedRecurring: bigint | number;
  rejectedOneTime: bigint | number;
  rejectedRecurring: bigint | number;
};

export function totalsFromSums(sums: SavingsSums): SavingsTotals {
  return {
    reported: splitCents(centsFromSum(sums.reportedOneTime), centsFromSum(sums.reportedRecurring)),
    validated: splitCents(centsFromSum(sums.validatedOneTime), centsFromSum(sums.validatedRecurring)),
    rejected: splitCents(centsFromSum(sums.rejectedOneTime), centsFromSum(sums.rejectedRecurring)),
  };
}
