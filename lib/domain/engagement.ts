import { wholePercent } from "@/lib/domain/high-performing";
import { quarterBounds, type Quarter } from "@/lib/domain/quarter";

/**
 * The "team member engagement" dimension, measured: the rule in words, shown on
 * screen as the definition of every engagement figure. The migration team_quarter_engagement
 * counts the same rule in SQL; tests hold the two to each other.
 */
export const ENGAGEMENT_DEFINITION =
  "A roster member counts as engaged in a quarter when they were on the team's roster during it and were named on one of the team's projects " +
  "(from being added until removed or the project's last update), on a PDSA cycle running during it, or as the collector of a measure value dated in it. " +
  "The share is of everyone on the roster during the quarter.";

/** Beside every roster checklist: why naming people matters. */
export const ENGAGEMENT_HINT = "The team's current roster. People named here count towards the team's engagement.";

/** A day interval, both ends included; `to` null is open-ended. Dates are UTC calendar days. */
type DayInterval = { from: Date; to: Date | null };

/** A person's roster membership of the team (one row per spell: someone who left and rejoined has two). */
export type RosterSpell = { personId: string; joinedOn: Date; leftOn: Date | null };
/** A person named on one of the team's projects, with that project's last activity. */
export type ProjectNaming = { personId: string; addedOn: Date; removedOn: Date | null; projectLastActivityAt: Date };
/** A person named on a PDSA cycle of one of the team's projects. */
export type CycleNaming = { personId: string; startDate: Date; endDate: Date | null };
/** A person named as collector of a data point of a measure of one of the team's projects. */
export type CollectorNaming = { personId: string; date: Date };

export type TeamEngagementRecords = {
  roster: readonly RosterSpell[];
  projects: readonly ProjectNaming[];
  cycles: readonly CycleNaming[];
  dataPoints: readonly CollectorNaming[];
};

export type Engagement = { engaged: number; rosterMembers: number; percent: number | null };

function utcDay(moment: Date): Date {
  return new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()));
}

function overlapsQuarter({ from, to }: DayInterval, quarter: Quarter): boolean {
  const { start, end } = quarterBounds(quarter);
  return from < end && (to === null || to >= start);
}

/** The earlier of two days, an open end (null) counting as later than any day. */
function earlier(a: Date | null, b: Date): Date {
  return a !== null && a < b ? a : b;
}

/** Engaged members out of the roster; the percent is null when there is no roster (no data is not 0 %). */
export function engagementShare(engaged: number, rosterMembers: number): Engagement {
  return { engaged, rosterMembers, percent: wholePercent(engaged, rosterMembers) };
}

/** A team's engagement in a quarter, from the records of that team only. */
export function teamEngagement(records: TeamEngagementRecords, quarter: Quarter): Engagement {
  const roster = new Set(records.roster.filter((spell) => overlapsQuarter({ from: spell.joinedOn, to: spell.leftOn }, quarter)).map((spell) => spell.personId));
  const named = new Set<string>();
  for (const naming of records.projects) {
    const to = earlier(naming.removedOn, utcDay(naming.projectLastActivityAt));
    if (overlapsQuarter({ from: naming.addedOn, to }, quarter)) named.add(naming.personId);
  }
  for (const naming of records.cycles) {
    if (overlapsQuarter({ from: naming.startDate, to: naming.endDate ?? naming.startDate }, quarter)) named.add(naming.personId);
  }
  for (const naming of records.dataPoints) {
    if (overlapsQuarter({ from: naming.date, to: naming.date }, quarter)) named.add(naming.personId);
  }
  const engaged = [...roster].filter((personId) => named.has(personId)).length;
  return engagementShare(engaged, roster.size);
}
