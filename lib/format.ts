import type { Engagement } from "@/lib/domain/engagement";
import type { LevelChange } from "@/lib/domain/movement";
import { levelName } from "@/lib/domain/path-to-performance";

const countFormat = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** A whole percent, or an em dash where there is no data (never a misleading 0). */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${value}%`;
}

/** "7 of 12 roster members (58%)", or "No roster" when nobody was on it. */
export function formatEngagement({ engaged, rosterMembers, percent }: Engagement): string {
  if (percent === null) return "No roster";
  return `${engaged} of ${rosterMembers} roster ${rosterMembers === 1 ? "member" : "members"} (${formatPercent(percent)})`;
}

/** "4 · Operational"; a null level means no level of the Path to Performance is fully met yet. */
export function formatLevel(level: number | null): string {
  return level === null ? "Below level 1" : `${level} · ${levelName(level)}`;
}

/** "+2", "−1", or "no change". */
export function formatLevelChange(change: LevelChange): string {
  if (change.direction === "same") return "no change";
  return `${change.direction === "up" ? "+" : "−"}${change.levels}`;
}

// Calendar days are stored as UTC midnight, and times shown in UTC: no time zone moves a day.
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "Jan 15, 2026". */
export function formatDay(day: Date): string {
  return dayFormat.format(day);
}

/** "Jan 15, 2026, 3:04 PM UTC". */
export function formatDateTime(time: Date): string {
  return `${dateTimeFormat.format(time)} UTC`;
}

/** "Jan 15, 2026" for a calendar day held as text ("2026-01-15"), as views of measures and cycles hold them. */
export function formatDayText(day: string): string {
  return formatDay(new Date(`${day}T00:00:00Z`));
}

/** "1 team", "3,803 teams": a count with its noun in agreement. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** How long someone held a role: "Jan 9, 2017 – Dec 1, 2026", "Jan 9, 2017 – today", or, not begun yet, "from Dec 2, 2026". */
export function formatTenure({ startDate, endDate, current }: { startDate: Date; endDate: Date | null; current: boolean }): string {
  if (endDate) return `${formatDay(startDate)} – ${formatDay(endDate)}`;
  return current ? `${formatDay(startDate)} – today` : `from ${formatDay(startDate)}`;
}
