// Savings dates are calendar days stored as UTC midnight: shown in UTC, so no time zone moves them.
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function formatDay(day: Date): string {
  return dayFormat.format(day);
}

