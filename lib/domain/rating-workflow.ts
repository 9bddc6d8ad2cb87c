import type { RatingStatus, RoleKind, SignoffDecision, SponsorSide } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/permissions";
import { isQuarterClosed, type Quarter } from "@/lib/domain/quarter";

export type CurrentSignoff = { side: SponsorSide; decision: SignoffDecision };

export const SIDES: readonly SponsorSide[] = ["UNION", "MANAGEMENT"];

export const SIDE_LABELS: Record<SponsorSide, string> = { UNION: "union", MANAGEMENT: "management" };

/**
 * A quarterly rating is final only when both a union-side and a management-side
 * sponsor have signed; a recorded disagreement makes it disputed until that side
 * decides again.
 */
export function statusFromSignoffs(current: readonly CurrentSignoff[]): RatingStatus {
  if (current.some((signoff) => signoff.decision === "DISAGREED")) return "DISPUTED";
  const signedSides = new Set(current.filter((signoff) => signoff.decision === "SIGNED").map((signoff) => signoff.side));
  if (SIDES.every((side) => signedSides.has(side))) return "FINAL";
  return signedSides.size > 0 ? "AWAITING_SIGNOFF" : "DRAFT";
}

/** The sides still to sign (in the partnership's order: union, then management). */
export function sidesAwaiting(current: readonly CurrentSignoff[]): SponsorSide[] {
  return SIDES.filter((side) => !current.some((signoff) => signoff.side === side && signoff.decision === "SIGNED"));
}

export function sponsorSideOf(role: RoleKind): SponsorSide | null {
  if (role === "UNION_SPONSOR") return "UNION";
  if (role === "MANAGEMENT_SPONSOR") return "MANAGEMENT";
  return null;
}

/** The teams the actor sponsors, with the side they sponsor each for. */
export function sponsoredTeams(actor: Actor): Map<string, SponsorSide> {
  const sideByTeam = new Map<string, SponsorSide>();
  for (const grant of actor.grants) {
    const side = sponsorSideOf(grant.role);
    if (side && grant.teamId) sideByTeam.set(grant.teamId, side);
  }
  return sideByTeam;
}

/** A team's rating status for a quarter, including "not started" (no rating yet). */
export type QueueStatus = "NOT_STARTED" | RatingStatus;

/** Each status in words, in the workflow's order (a filter's choices); a rating's own label also names whose sign-off it awaits. */
export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  NOT_STARTED: "Not started",
  DRAFT: "Draft",
  AWAITING_SIGNOFF: "Awaiting sign-off",
  FINAL: "Final",
  DISPUTED: "Disputed",
};

export function queueStatusLabel(status: QueueStatus, current: readonly CurrentSignoff[] = []): string {
  if (status === "AWAITING_SIGNOFF") return `Awaiting ${sidesAwaiting(current).map((side) => SIDE_LABELS[side]).join(" and ")} sign-off`;
  return QUEUE_STATUS_LABELS[status];
}

/** Overdue: the quarter has ended and its rating is still not final. */
export function isOverdue(quarter: Quarter, status: QueueStatus, now: Date = new Date()): boolean {
  return status !== "FINAL" && isQuarterClosed(quarter, now);
}
