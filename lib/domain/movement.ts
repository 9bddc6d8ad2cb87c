import { wholePercent } from "@/lib/domain/high-performing";

/**
 * Movement on the Path to Performance between two consecutive quarters, as the
 * partnership reports it ("764 teams (23%) moved up a level and 236 (7%) moved
 * down"): only final quarterly levels count, and the shares are of the teams
 * rated in both quarters.
 */

export type Direction = "up" | "same" | "down";

/** Which way a team moved and by how many levels (0 when it stayed). */
export type LevelChange = { direction: Direction; levels: number };

export function levelChange(previousLevel: number, level: number): LevelChange {
  const difference = level - previousLevel;
  return { direction: difference > 0 ? "up" : difference < 0 ? "down" : "same", levels: Math.abs(difference) };
}

/** A team's final quarterly level in the earlier and the later quarter; null where it has none. */
export type TeamLevels = { previousLevel: number | null; level: number | null };

export type MovedTeam<T extends TeamLevels> = T & { previousLevel: number; level: number; change: LevelChange };
export type NewlyRatedTeam<T extends TeamLevels> = T & { previousLevel: null; level: number };
export type NotYetRatedTeam<T extends TeamLevels> = T & { previousLevel: number; level: null };

/** A count and its whole-percent share of the teams rated in both quarters (null when there are none). */
export type Share = { count: number; percent: number | null };

export type MovementFigures = {
  ratedPrevious: number;
  ratedCurrent: number;
  /** Teams with a final rating in both quarters: the whole every share is of. */
  ratedBoth: number;
  up: Share;
  same: Share;
  down: Share;
  /** Rated in the later quarter only; outside the shares, since there is nothing to compare. */
  newlyRated: number;
  /** Rated in the earlier quarter only. */
  notYetRated: number;
};

export type MovementSummary<T extends TeamLevels> = {
  figures: MovementFigures;
  up: MovedTeam<T>[];
  same: MovedTeam<T>[];
  down: MovedTeam<T>[];
  newlyRated: NewlyRatedTeam<T>[];
  notYetRated: NotYetRatedTeam<T>[];
};

/** Sorts teams into the movement groups, keeping their input order; teams rated in neither quarter are ignored. */
export function summariseMovement<T extends TeamLevels>(teams: readonly T[]): MovementSummary<T> {
  const summary: Omit<MovementSummary<T>, "figures"> = { up: [], same: [], down: [], newlyRated: [], notYetRated: [] };
  for (const team of teams) {
    const { previousLevel, level } = team;
    if (previousLevel !== null && level !== null) {
      const change = levelChange(previousLevel, level);
      summary[change.direction].push({ ...team, previousLevel, level, change });
    } else if (level !== null) {
      summary.newlyRated.push({ ...team, previousLevel: null, level });
    } else if (previousLevel !== null) {
      summary.notYetRated.push({ ...team, previousLevel, level: null });
    }
  }
  const { up, same, down, newlyRated, notYetRated } = summary;
  return { ...summary, figures: movementFigures({ up: up.length, same: same.length, down: down.length, newlyRated: newlyRated.length, notYetRated: notYetRated.length }) };
}

/** The groups a team falls in, in the order the movement page lists them. */
export const MOVEMENT_GROUPS = ["up", "same", "down", "newlyRated", "notYetRated"] as const;
export type MovementGroup = (typeof MOVEMENT_GROUPS)[number];

/** How many teams fall in each movement group: the counts a database can make without listing the teams. */
export type MovementCounts = Record<MovementGroup, number>;

export function movementFigures(counts: MovementCounts): MovementFigures {
  const ratedBoth = counts.up + counts.same + counts.down;
  const share = (count: number): Share => ({ count, percent: wholePercent(count, ratedBoth) });
  return {
    ratedPrevious: ratedBoth + counts.notYetRated,
    ratedCurrent: ratedBoth + counts.newlyRated,
    ratedBoth,
    up: share(counts.up),
    same: share(counts.same),
    down: share(counts.down),
    newlyRated: counts.newlyRated,
    notYetRated: counts.notYetRated,
  };
}
