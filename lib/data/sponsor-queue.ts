import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { compareQuarters, currentQuarter, previousQuarter, type Quarter } from "@/lib/domain/quarter";
import { isOverdue, sponsoredTeams, type CurrentSignoff, type QueueStatus } from "@/lib/domain/rating-workflow";
import { operatesIn } from "@/lib/domain/team-lifecycle";
import type { SponsorSide } from "@/lib/generated/prisma/enums";

export type QueueItem = {
  teamId: string;
  teamCode: string;
  teamName: string;
  side: SponsorSide;
  quarter: Quarter;
  status: QueueStatus;
  /** The rating's standing sign-offs, which say whose signature it awaits. */
  signoffs: CurrentSignoff[];
  level: number | null;
  overdue: boolean;
  /** The sponsor's own side has not signed this rating yet (and it can be signed). */
  awaitsMe: boolean;
};

/**
 * A sponsor's queue: every team they sponsor with this quarter's rating status,
 * plus any earlier quarter left unfinished after it ended (overdue). Scoped by
 * construction: only the teams of the actor's own sponsor assignments.
 */
export async function getSponsorQueue(actor: Actor, now: Date = new Date()): Promise<QueueItem[]> {
  const sideByTeam = sponsoredTeams(actor);
  if (sideByTeam.size === 0) return [];

  const quarter = currentQuarter(now);
  const lastQuarter = previousQuarter(quarter);
  const teams = await prisma.team.findMany({
    where: { id: { in: [...sideByTeam.keys()] } },
    select: {
      id: true,
      code: true,
      name: true,
      charteredQuarter: true,
      retiredQuarter: true,
      ratings: {
        // This quarter and the last (rated or not), and any older rating left unfinished.
        where: { kind: "QUARTERLY", OR: [{ quarter: { in: [quarter, lastQuarter] } }, { quarter: { lt: lastQuarter }, status: { not: "FINAL" } }] },
        select: { quarter: true, status: true, level: true, signoffs: { where: { voidedAt: null }, select: { side: true, decision: true } } },
      },
    },
    orderBy: { name: "asc" },
  });

  const items = teams.flatMap((team) => {
    const side = sideByTeam.get(team.id)!;
    const item = (forQuarter: Quarter): QueueItem => {
      const rating = team.ratings.find((candidate) => candidate.quarter === forQuarter);
      const status: QueueStatus = rating?.status ?? "NOT_STARTED";
      const signoffs = rating?.signoffs ?? [];
      return {
        teamId: team.id,
        teamCode: team.code,
        teamName: team.name,
        side,
        quarter: forQuarter,
        status,
        signoffs,
        level: rating?.level ?? null,
        overdue: isOverdue(forQuarter, status, now),
        awaitsMe: status !== "NOT_STARTED" && status !== "FINAL" && !signoffs.some((signoff) => signoff.side === side && signoff.decision === "SIGNED"),
      };
    };
    const older = team.ratings.filter((rating) => compareQuarters(rating.quarter as Quarter, lastQuarter) < 0).map((rating) => item(rating.quarter as Quarter));
    // A retired team leaves the queue from its retirement quarter on; an unfinished older rating stays.
    const previous = operatesIn(team, lastQuarter) ? item(lastQuarter) : null;
    return [...older, ...(previous?.overdue ? [previous] : []), ...(operatesIn(team, quarter) ? [item(quarter)] : [])];
  });
  return items.sort((a, b) => urgency(a) - urgency(b));
}

/** Overdue first, then what awaits this sponsor, then not started, then the rest. */
function urgency(item: QueueItem): number {
  if (item.overdue) return 0;
  if (item.awaitsMe) return 1;
  if (item.status === "NOT_STARTED") return 2;
  return item.status === "FINAL" ? 4 : 3;
}
