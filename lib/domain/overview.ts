import { wholePercent } from "@/lib/domain/high-performing";
import type { Cents } from "@/lib/domain/money";
import { isHighPerforming, LEVELS } from "@/lib/domain/path-to-performance";
import { currentQuarter, parseQuarter, quarterBounds, type Quarter } from "@/lib/domain/quarter";
import { addCents } from "@/lib/domain/savings";

/**
 * The rules behind the overview pages: every figure they show that is not a
 * plain count from SQL is derived here, so the components only format.
 */

/** Change in percentage points between two whole percents; null when either quarter has no data. */
export function percentPointChange(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/** Teams at each level 1–5, in level order. */
export type LevelCounts = readonly [number, number, number, number, number];

/** Column totals of a table's rows: each named field summed over the rows (`add` may check, as addCents does). */
export function sumColumns<K extends string>(rows: readonly Record<K, number>[], keys: readonly K[], add: (a: number, b: number) => number = (a, b) => a + b): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, rows.reduce((sum, row) => add(sum, row[key]), 0)])) as Record<K, number>;
}

/** Each count's whole-percent share of their sum (null when it is zero; shares may not add to exactly 100). */
export function levelShares(counts: readonly number[]): (number | null)[] {
  const rated = counts.reduce((sum, count) => sum + count, 0);
  return counts.map((count) => wholePercent(count, rated));
}

/**
 * Each count's share of their sum in whole percents that add up to exactly 100
 * (largest remainder): every share is rounded down, then the points still
 * missing go one each to the largest remainders, ties to the earlier count. A
 * 100 % bar drawn from them ends at 100, never at 99 or 101. A zero count stays
 * at 0. Null for every count when the sum is zero: "no data" is not 0 %.
 */
export function percentsSummingTo100(counts: readonly number[]): (number | null)[] {
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Counts must be non-negative integers (got ${count})`);
  }
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => null);
  // Integers only: 100 · count = share · total + remainder.
  const shares = counts.map((count) => Math.floor((100 * count) / total));
  const remainders = counts.map((count) => (100 * count) % total);
  const missing = 100 - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = counts.map((_, index) => index).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (const index of byRemainder.slice(0, missing)) shares[index]! += 1;
  return shares;
}

/**
 * What the top of an actor's overview is called: "All regions" for someone who
 * sees every region, the region itself for someone who sees one (a Colorado
 * consultant's overview is Colorado, with no "All regions" they could not
 * open), and "Your regions" for someone who sees a few.
 */
export function scopeLabel(scope: { all: boolean; regionNames: readonly string[] }): string {
  if (scope.all) return "All regions";
  return scope.regionNames.length === 1 ? scope.regionNames[0]! : "Your regions";
}

// ───────────────────────────── chart axes ─────────────────────────────

/**
 * Ticks for a value axis that starts at 0: evenly spaced at 1, 2 or 5 times a
 * power of ten, never finer than `minStep` (1 for counts, 0.1 for figures shown
 * to one decimal), at most `maxTicks` of them, the last one at or above `max`.
 * So counts get whole ticks and no two ticks read the same once formatted.
 * `minStep` must be a power of ten.
 */
export function axisTicks(max: number, { minStep = 1, maxTicks = 6 }: { minStep?: number; maxTicks?: number } = {}): number[] {
  const exponent = Math.round(Math.log10(minStep));
  if (!(minStep > 0) || Math.abs(10 ** exponent - minStep) > 1e-9 * minStep) throw new RangeError(`minStep must be a power of ten (got ${minStep})`);
  const decimals = Math.max(0, -exponent);
  // Whole multiples of minStep from here on, so no binary fraction creeps in (0.1 · 3 is not 0.3).
  const units = Math.max(1, Math.ceil(max / minStep - 1e-9));
  const fewest = units / Math.max(1, maxTicks - 1);
  let power = 1;
  while (power * 10 < fewest) power *= 10;
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= fewest)!;
  const count = Math.ceil(units / step);
  return Array.from({ length: count + 1 }, (_, index) => Number((index * step * minStep).toFixed(decimals)));
}

/**
 * The quarters to label on a time axis: every quarter, or every 2nd, 4th, 8th…
 * — the finest spacing that gives at most `maxTicks` labels. Ticks fall on
 * calendar boundaries (every 2nd: Q1 and Q3; every 4th: each Q1), so they are
 * evenly spaced whenever the quarters run without gaps.
 */
export function quarterTicks(quarters: readonly Quarter[], maxTicks: number): Quarter[] {
  const index = (quarter: Quarter) => {
    const { year, q } = parseQuarter(quarter);
    return year * 4 + q - 1;
  };
  const limit = Math.max(1, Math.floor(maxTicks));
  for (let every = 1; ; every *= 2) {
    const ticks = quarters.filter((quarter) => index(quarter) % every === 0);
    if (ticks.length <= limit) return ticks.length > 0 ? ticks : quarters.slice(0, 1);
  }
}

/** Running totals of each quarter's reported and validated cents, in the quarters' order. */
export function withCumulativeSavings<T extends { reportedCents: Cents; validatedCents: Cents }>(
  quarters: readonly T[],
): (T & { cumulativeReportedCents: Cents; cumulativeValidatedCents: Cents })[] {
  let reported = 0;
  let validated = 0;
  return quarters.map((quarter) => {
    reported = addCents(reported, quarter.reportedCents);
    validated = addCents(validated, quarter.validatedCents);
    return { ...quarter, cumulativeReportedCents: reported, cumulativeValidatedCents: validated };
  });
}

// ───────────────────────────── linkage ─────────────────────────────

/** One rated team's level and its work over the linkage window. */
export type LinkageTeam = {
  level: number;
  validatedCents: Cents;
  projects: number;
  cycles: number;
  /** Roster members in the quarter, and those of them engaged (lib/domain/engagement.ts). */
  rosterMembers: number;
  engagedMembers: number;
};

export type LinkageGroup = {
  label: string;
  teams: number;
  validatedCents: Cents;
  /** Validated cents per team, rounded to the cent; null for a group with no teams. */
  validatedCentsPerTeam: Cents | null;
  /** Share of the group's teams with any validated savings. */
  teamsWithSavingsPercent: number | null;
  /** Per team, to one decimal place; null for a group with no teams. */
  projectsPerTeam: number | null;
  cyclesPerTeam: number | null;
  /** Engaged roster members of the group's teams out of all their roster members; null without a roster. */
  engagementPercent: number | null;
};

/** Half-up rounding of a non-negative ratio to a number of decimals, in integers so no binary fraction tips it. */
function ratio(total: number, count: number, decimals: number): number | null {
  if (count === 0) return null;
  const scale = 10 ** decimals;
  return Math.floor((2 * total * scale + count) / (2 * count)) / scale;
}

/** One level's rated teams, their figures summed (counted in SQL by getLinkage, lib/data/overview.ts). */
export type LinkageLevelTotals = {
  level: number;
  teams: number;
  /** Teams whose validated savings in the window add up to more than nothing. */
  teamsWithSavings: number;
  validatedCents: Cents;
  projects: number;
  cycles: number;
  rosterMembers: number;
  engagedMembers: number;
};

function linkageGroup(label: string, levels: readonly LinkageLevelTotals[]): LinkageGroup {
  const total = (field: Exclude<keyof LinkageLevelTotals, "level" | "validatedCents">) => levels.reduce((sum, level) => sum + level[field], 0);
  const teams = total("teams");
  const validatedCents = addCents(...levels.map((level) => level.validatedCents));
  return {
    label,
    teams,
    validatedCents,
    validatedCentsPerTeam: ratio(validatedCents, teams, 0),
    teamsWithSavingsPercent: teams === 0 ? null : wholePercent(total("teamsWithSavings"), teams),
    projectsPerTeam: ratio(total("projects"), teams, 1),
    cyclesPerTeam: ratio(total("cycles"), teams, 1),
    engagementPercent: wholePercent(total("engagedMembers"), total("rosterMembers")),
  };
}

/** The linkage table: one group per level, then high performing (4–5) against the rest (1–3), then all. */
export function summariseLinkage(levels: readonly LinkageLevelTotals[]): { byLevel: LinkageGroup[]; comparison: LinkageGroup[] } {
  return {
    byLevel: LEVELS.map((entry) => linkageGroup(`${entry.level} · ${entry.name}`, levels.filter((totals) => totals.level === entry.level))),
    comparison: [
      linkageGroup("High performing (4–5)", levels.filter((totals) => isHighPerforming(totals.level))),
      linkageGroup("Not yet high performing (1–3)", levels.filter((totals) => !isHighPerforming(totals.level))),
      linkageGroup("All rated teams", levels),
    ],
  };
}

// ───────────────────────────── attention ─────────────────────────────

/** A team is stuck when its final level has not changed for this many consecutive quarters. */
export const STUCK_QUARTERS = 4;

/**
 * How many consecutive quarters, counting back from the latest, a team has had
 * the same final level. The worklist counts this in SQL (lib/data/attention.ts,
 * stuckTeams); an integration test holds the two to the same answers. `levels` runs newest first, one per quarter, with null
 * for a quarter without a final rating (which breaks the run).
 */
export function sameLevelRun(levels: readonly (number | null)[]): { level: number; quarters: number } | null {
  const latest = levels[0];
  if (latest === undefined || latest === null) return null;
  let quarters = 0;
  while (quarters < levels.length && levels[quarters] === latest) quarters++;
  return { level: latest, quarters };
}

/** Stuck: the same level for STUCK_QUARTERS or more quarters, below the top (staying at 5 is the goal, not a problem). */
export function isStuck(run: { level: number; quarters: number } | null): boolean {
  return run !== null && run.quarters >= STUCK_QUARTERS && run.level < LEVELS.length;
}

/** Ratings not started are flagged in the last weeks of a quarter. */
export const NEAR_QUARTER_END_DAYS = 45;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days left in the current quarter (the last day counts as 1). */
export function daysLeftInQuarter(now: Date = new Date()): { quarter: Quarter; days: number; near: boolean } {
  const quarter = currentQuarter(now);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((quarterBounds(quarter).end.getTime() - today) / DAY_MS);
  return { quarter, days, near: days <= NEAR_QUARTER_END_DAYS };
}
