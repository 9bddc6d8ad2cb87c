// Rules about a role held for a period: when it is current, how it may end, and how one
// person hands it to the next. Days are UTC midnights, as the database's dates are.

type Period = { startDate: Date; endDate: Date | null };

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** Held on `today`: begun, and not ended before it (the end day is the last day held). */
export function isCurrent(period: Period, today: Date): boolean {
  return period.startDate <= today && (period.endDate === null || period.endDate >= today);
}

/** Why a role cannot end on `endDate`, or null when it can: not before it began, and not once it is over. */
export function endProblem(period: Period, endDate: Date, today: Date): string | null {
  if (period.endDate !== null && period.endDate < today) return "This role has already ended; its dates are history.";
  if (endDate < period.startDate) return "The end date cannot be before the role began.";
  return null;
}

export type HandoverProblem = { field: "day" | "successor"; message: string };

/**
 * Why the holder cannot hand the role over to the successor on `day` (the successor's first
 * day; the holder's last is the day before), or null when they can.
 */
export function handoverProblem(handover: {
  holder: Period & { personId: string };
  successorId: string;
  day: Date;
  today: Date;
  /** The successor already holds this role on this team on or after `day`. */
  successorHoldsRole: boolean;
}): HandoverProblem | null {
  const { holder, successorId, day, today, successorHoldsRole } = handover;
  if (!isCurrent(holder, today)) return { field: "day", message: "Only a role held today can be handed over." };
  if (successorId === holder.personId) return { field: "successor", message: "Choose someone else: this person already holds the role." };
  if (day <= holder.startDate) return { field: "day", message: "The handover day must be after the day the current holder began." };
  if (holder.endDate !== null && addDays(day, -1) > holder.endDate) {
    return { field: "day", message: "The current holder's role ends before that day: choose a day up to the day after it ends." };
  }
  if (successorHoldsRole) return { field: "successor", message: "The successor already holds this role on this team." };
  return null;
}

/** Holders of a role over time, as the team's history lists them: current first, then the most recent. */
export function byCurrentThenRecent<T extends Period>(periods: readonly T[], today: Date): T[] {
  return [...periods].sort((a, b) => Number(isCurrent(b, today)) - Number(isCurrent(a, today)) || b.startDate.getTime() - a.startDate.getTime());
}
