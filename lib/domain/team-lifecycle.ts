import { compareQuarters, type Quarter } from "@/lib/domain/quarter";

export type TeamLifetime = { charteredQuarter: string; retiredQuarter: string | null };

/** A team operates from its chartered quarter until (not including) the quarter it retires in; SQL's twin is teamOperatesIn. */
export function operatesIn(team: TeamLifetime, quarter: Quarter): boolean {
  return (
    compareQuarters(team.charteredQuarter as Quarter, quarter) <= 0 &&
    (team.retiredQuarter === null || compareQuarters(quarter, team.retiredQuarter as Quarter) < 0)
  );
}
