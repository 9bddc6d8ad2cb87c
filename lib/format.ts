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

/** "4 · Operational"; a null level means no level of the Path to Performance is fully met yet. */
export function formatLevel(level: number | null): string {
  return level === null ? "Below level 1" : `${level} · ${levelName(level)}`;
}

/** "+2", "−1", or "no change". */
export function formatLevelChange(change: LevelChange): string {
  if (change.direction === "same") return "no change";
  return `${change.direction === "up" ? "+" : "−"}${change.levels}`;
}
