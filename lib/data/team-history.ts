import "server-only";
import { prisma } from "@/lib/db";
import { assignmentActiveOn } from "@/lib/data/sql";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import type { Dimension, RatingStatus, SignoffDecision, SponsorSide } from "@/lib/generated/prisma/enums";
import { DIMENSIONS } from "@/lib/domain/path-to-performance";
import { isQuarter, quarterRange, type Quarter } from "@/lib/domain/quarter";

export type SignoffEntry = {
  id: string;
  side: SponsorSide;
  personName: string;
  decision: SignoffDecision;
  /** The level the sponsor attested to (null for sign-offs recorded before levels were kept). */
  level: number | null;
  reason: string | null;
  signedAt: Date;
  /** Voided sign-offs are history: the rating changed or the side decided again after them. */
  voided: boolean;
};

export type RatingEntry = {
  id: string;
  quarter: Quarter;
  status: RatingStatus;
  level: number | null;
  signoffs: SignoffEntry[];
};


/** A quarter on the level chart; null marks a quarter without a final rating (a gap, not a level). */
export type LevelPoint = { quarter: Quarter; level: number | null };

export type DimensionLevel = { dimension: Dimension; label: string; level: number | null };

export type TeamHistory = {
  team: {
    id: string;
    code: string;
    name: string;
    region: { id: string; slug: string; name: string };
    facility: string;
    department: string;
    unionLocal: string | null;
    /** The first quarter the team no longer operates; null while it is active. */
    retiredQuarter: Quarter | null;
  };
  /** The region's UBT consultants today (the team's own leads and sponsors, with their history, are lib/data/leadership.ts). */
  consultants: string[];
  /** The latest final quarterly rating: the team's status on the Path to Performance. */
  currentLevel: { quarter: Quarter; level: number } | null;
  /** The dimensions of that rating, in the Path to Performance's order; empty without one. */
  currentDimensions: DimensionLevel[];
  /** Final quarterly levels from the first final rating to the latest, oldest first. */
  levelHistory: LevelPoint[];
  /** Every quarterly rating whatever its status, newest first. */
  quarterlyRatings: RatingEntry[];
  selfAssessments: RatingEntry[];
  may: { rate: boolean; selfAssess: boolean; editProjects: boolean; administer: boolean };
};

/** A team's page: who it is, who works with it, and every rating it has had. Unknown ids are a NotFoundError. */
export async function getTeamHistory(actor: Actor, teamId: string, today: Date = new Date()): Promise<TeamHistory> {
  const target = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", target);

  const [team, consultants] = await Promise.all([loadTeam(target.teamId), currentConsultants(target.regionId, today)]);
  const ratings = team.ratings.filter((rating): rating is typeof rating & { quarter: Quarter } => isQuarter(rating.quarter));
  const quarterly = ratings.filter((rating) => rating.kind === "QUARTERLY");
  const finals = quarterly.filter((rating): rating is typeof rating & { level: number } => rating.status === "FINAL" && rating.level !== null);
  const latestFinal = finals[0];

  return {
    team: {
      id: team.id,
      code: team.code,
      name: team.name,
      region: team.region,
      facility: team.department.facility.name,
      department: team.department.name,
      unionLocal: team.unionLocal?.name ?? null,
      retiredQuarter: team.retiredQuarter as Quarter | null,
    },
    consultants,
    currentLevel: latestFinal ? { quarter: latestFinal.quarter, level: latestFinal.level } : null,
    currentDimensions: latestFinal ? dimensionLevels(latestFinal.dimensions) : [],
    levelHistory: levelHistory(finals),
    quarterlyRatings: quarterly.map(ratingEntry),
    selfAssessments: ratings.filter((rating) => rating.kind === "SELF_ASSESSMENT").map(ratingEntry),
    may: {
      rate: can(actor, "rating.rate", target) || can(actor, "rating.prepareDraft", target),
      selfAssess: can(actor, "rating.selfAssess", target),
      editProjects: can(actor, "project.edit", target),
      administer: can(actor, "admin.manage", target),
    },
  };
}

function loadTeam(teamId: string) {
  return prisma.team.findUniqueOrThrow({
    where: { id: teamId },
    select: {
      id: true,
      code: true,
      name: true,
      retiredQuarter: true,
      region: { select: { id: true, slug: true, name: true } },
      department: { select: { name: true, facility: { select: { name: true } } } },
      unionLocal: { select: { name: true } },
      ratings: {
        orderBy: { quarter: "desc" },
        select: {
          id: true,
          quarter: true,
          kind: true,
          status: true,
          level: true,
          dimensions: { select: { dimension: true, level: true } },
          signoffs: {
            orderBy: { createdAt: "asc" },
            select: { id: true, side: true, decision: true, level: true, reason: true, createdAt: true, voidedAt: true, person: { select: { displayName: true } } },
          },
        },
      },
    },
  });
}

type LoadedRating = Awaited<ReturnType<typeof loadTeam>>["ratings"][number] & { quarter: Quarter };

function ratingEntry(rating: LoadedRating): RatingEntry {
  return {
    id: rating.id,
    quarter: rating.quarter,
    status: rating.status,
    level: rating.level,
    signoffs: rating.signoffs.map(signoffEntry),
  };
}

type SignoffRow = Pick<SignoffEntry, "id" | "side" | "decision" | "level" | "reason"> & { createdAt: Date; voidedAt: Date | null; person: { displayName: string } };

/** A stored sign-off as the pages show it (the team's history, the rating page). */
export function signoffEntry(signoff: SignoffRow): SignoffEntry {
  return {
    id: signoff.id,
    side: signoff.side,
    personName: signoff.person.displayName,
    decision: signoff.decision,
    level: signoff.level,
    reason: signoff.reason,
    signedAt: signoff.createdAt,
    voided: signoff.voidedAt !== null,
  };
}

function dimensionLevels(recorded: readonly { dimension: Dimension; level: number | null }[]): DimensionLevel[] {
  return DIMENSIONS.map(({ key, label }) => ({
    dimension: key,
    label,
    level: recorded.find((entry) => entry.dimension === key)?.level ?? null,
  }));
}

/** Final levels (given newest first) on every quarter from the first to the latest, so missing quarters show as gaps. */
function levelHistory(finals: readonly { quarter: Quarter; level: number }[]): LevelPoint[] {
  const first = finals.at(-1);
  const latest = finals[0];
  if (!first || !latest) return [];
  const levelByQuarter = new Map(finals.map((rating) => [rating.quarter, rating.level]));
  return quarterRange(first.quarter, latest.quarter).map((quarter) => ({ quarter, level: levelByQuarter.get(quarter) ?? null }));
}

/** The region's UBT consultants on `today`, by name. */
async function currentConsultants(regionId: string, today: Date): Promise<string[]> {
  const assignments = await prisma.roleAssignment.findMany({
    where: { AND: [assignmentActiveOn(today), { role: "CONSULTANT", regionId }] },
    select: { person: { select: { displayName: true } } },
    orderBy: { person: { displayName: "asc" } },
  });
  return assignments.map(({ person }) => person.displayName);
}
