import { addQuarters, compareQuarters, currentQuarter, formatQuarter, type Quarter } from "@/lib/domain/quarter";

export type TeamLifetime = { charteredQuarter: string; retiredQuarter: string | null };

/** A team operates from its chartered quarter until (not including) the quarter it retires in; SQL's twin is teamOperatesIn. */
export function operatesIn(team: TeamLifetime, quarter: Quarter): boolean {
  return (
    compareQuarters(team.charteredQuarter as Quarter, quarter) <= 0 &&
    (team.retiredQuarter === null || compareQuarters(quarter, team.retiredQuarter as Quarter) < 0)
  );
}

/** "Retired from Q1 2027", or "Retires from Q1 2027" while that quarter is still to come. */
export function retirementLabel(retiredQuarter: Quarter, now: Date = new Date()): string {
  const verb = compareQuarters(retiredQuarter, currentQuarter(now)) > 0 ? "Retires" : "Retired";
  return `${verb} from ${formatQuarter(retiredQuarter)}`;
}

/**
 * The first quarter a team or facility retired today no longer operates: the next one,
 * so it stays in this quarter's roll-ups and queues (its work this quarter still counts).
 */
export function retirementQuarter(now: Date = new Date()): Quarter {
  return addQuarters(currentQuarter(now), 1);
}
