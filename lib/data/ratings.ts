import "server-only";
import { assertCan, type Actor, type PersonActor } from "@/lib/auth/permissions";
import { mayEditRating, mayReopen, maySign } from "@/lib/auth/rating-permissions";
import { getCriteriaSetByVersion, getPublishedCriteriaSet } from "@/lib/data/criteria";
import { signoffEntry } from "@/lib/data/team-history";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { DIMENSIONS } from "@/lib/domain/path-to-performance";
import { assessLevel } from "@/lib/domain/rating-level";
import { currentQuarter, previousQuarter, type Quarter } from "@/lib/domain/quarter";
import { sidesAwaiting, type CurrentSignoff, type QueueStatus } from "@/lib/domain/rating-workflow";
import { NotFoundError } from "@/lib/errors";
import type { RatingKind } from "@/lib/generated/prisma/enums";

export type RatingWorkspace = Awaited<ReturnType<typeof getRatingWorkspace>>;

/**
 * Everything the rating page shows and may do, for one team, quarter and kind. What the
 * person may do comes from lib/auth/rating-permissions.ts, the rules the rating service
 * applies again when they do it.
 */
export async function getRatingWorkspace(actor: PersonActor, teamId: string, quarter: Quarter, kind: RatingKind) {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", team);

  const [details, rating, previous] = await Promise.all([
    prisma.team.findUniqueOrThrow({
      where: { id: team.teamId },
      select: { code: true, name: true, region: { select: { name: true } }, department: { select: { name: true, facility: { select: { name: true } } } } },
    }),
    prisma.rating.findUnique({
      where: { teamId_quarter_kind: { teamId: team.teamId, quarter, kind } },
      include: {
        criteriaSet: { select: { id: true, version: true, name: true } },
        checks: { select: { criterionId: true, met: true, evidence: true } },
        signoffs: { orderBy: { createdAt: "asc" }, include: { person: { select: { displayName: true } } } },
        updatedBy: { select: { displayName: true } },
      },
    }),
    prisma.rating.findFirst({
      where: { teamId: team.teamId, quarter: previousQuarter(quarter), kind: "QUARTERLY", status: "FINAL" },
      select: { level: true },
    }),
  ]);

  // A rating keeps the criteria version it was made with; a new one uses the published set.
  const criteriaSet = rating ? await getCriteriaSetByVersion(rating.criteriaSet.version) : await getPublishedCriteriaSet();
  if (!criteriaSet) throw new NotFoundError("This rating's criteria set no longer exists.");

  const signoffs = (rating?.signoffs ?? []).map((signoff) => ({ ...signoffEntry(signoff), mine: signoff.personId === actor.personId }));
  const current = signoffs.filter((signoff) => !signoff.voided);
  // The person's own latest decision: still standing, or voided since (the rating changed or was reopened).
  const own = signoffs.findLast((signoff) => signoff.mine) ?? null;

  return {
    team: { id: team.teamId, code: details.code, name: details.name, region: details.region.name, department: details.department.name, facility: details.department.facility.name },
    quarter,
    kind,
    criteriaSet: { version: criteriaSet.version, name: criteriaSet.name },
    criteria: criteriaSet.criteria,
    previousFinalLevel: previous?.level ?? null,
    rating: rating && {
      id: rating.id,
      status: rating.status,
      level: rating.level,
      note: rating.note,
      version: rating.version,
      updatedAt: rating.updatedAt,
      updatedBy: rating.updatedBy?.displayName ?? null,
      checks: rating.checks,
      signoffs,
      currentSignoffs: current,
      /** The sides whose signature the rating still awaits. */
      awaiting: sidesAwaiting(current),
      ownSignoff: own,
    },
    permissions: {
      edit: mayEditRating(actor, team, { quarter, kind, status: rating?.status ?? null }),
      // Sponsors sign the quarterly rating; the self-assessment is the team's own.
      sign: rating && kind === "QUARTERLY" ? maySign(actor, team, rating) : null,
      reopen: rating !== null && mayReopen(actor, team, rating).allowed,
    },
  };
}

export type LevelSummary = {
  /** This quarter's quarterly rating: its status and the current sign-offs (whose signature it awaits). */
  thisQuarter: { quarter: Quarter; status: QueueStatus; signoffs: CurrentSignoff[] };
  currentLevel: number | null;
  currentLevelQuarter: Quarter | null;
  /**
   * What the next level needs: from the same final rating as the current level, so the two
   * always agree; before any final rating, from the latest self-assessment. Null when neither has criteria ticked.
   */
  gaps: { source: string; nextLevel: number | null; missing: { dimension: string; criteria: string[] }[] } | null;
};

/** A team's level and what stands between it and the next one, for its co-leads' home. */
export async function getTeamLevelSummary(actor: Actor, teamId: string): Promise<LevelSummary> {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", team);
  const quarter = currentQuarter();
  const assessedSelect = { level: true, quarter: true, kind: true, criteriaSetId: true, checks: { where: { met: true }, select: { criterionId: true } } } as const;
  const [thisQuarter, final, selfAssessed] = await Promise.all([
    prisma.rating.findUnique({
      where: { teamId_quarter_kind: { teamId: team.teamId, quarter, kind: "QUARTERLY" } },
      select: { status: true, signoffs: { where: { voidedAt: null }, select: { side: true, decision: true } } },
    }),
    prisma.rating.findFirst({ where: { teamId: team.teamId, kind: "QUARTERLY", status: "FINAL" }, orderBy: { quarter: "desc" }, select: assessedSelect }),
    prisma.rating.findFirst({
      where: { teamId: team.teamId, kind: "SELF_ASSESSMENT", checks: { some: {} } },
      orderBy: [{ quarter: "desc" }, { updatedAt: "desc" }],
      select: assessedSelect,
    }),
  ]);
  const assessed = final ?? selfAssessed;
  let gaps: LevelSummary["gaps"] = null;
  if (assessed && assessed.checks.length > 0) {
    const criteria = await prisma.criterion.findMany({ where: { setId: assessed.criteriaSetId }, select: { id: true, dimension: true, level: true, text: true } });
    const assessment = assessLevel(criteria, new Set(assessed.checks.map((check) => check.criterionId)));
    const textOf = new Map(criteria.map((criterion) => [criterion.id, criterion.text]));
    gaps = {
      source: `${assessed.kind === "SELF_ASSESSMENT" ? "self-assessment" : "final quarterly rating"} for ${assessed.quarter}`,
      nextLevel: assessment.nextLevel,
      missing: assessment.missingForNextLevel.map((gap) => ({
        dimension: DIMENSIONS.find(({ key }) => key === gap.dimension)!.label,
        criteria: gap.criteria.map((criterion) => textOf.get(criterion.id)!),
      })),
    };
  }
  return {
    thisQuarter: { quarter, status: thisQuarter?.status ?? "NOT_STARTED", signoffs: thisQuarter?.signoffs ?? [] },
    currentLevel: final?.level ?? null,
    currentLevelQuarter: (final?.quarter as Quarter | undefined) ?? null,
    gaps,
  };
}
