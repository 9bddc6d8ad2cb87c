import { can, covers, grantsFor, refusalFor, type Actor, type Target } from "@/lib/auth/permissions";
import { sponsorSideOf } from "@/lib/domain/rating-workflow";
import type { RatingKind, RatingStatus, SponsorSide } from "@/lib/generated/prisma/enums";

type TeamTarget = Extract<Target, { kind: "team" }>;

export type Permission = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Permission = { allowed: true };

/**
 * Who may change a rating's criteria: co-leads their self-assessment; for the
 * quarterly rating, the team's sponsors and LMP staff, and its consultant while
 * it is still an unsigned draft. A final rating must be reopened first.
 */
export function mayEditRating(actor: Actor, team: TeamTarget, kind: RatingKind, status: RatingStatus | null): Permission {
  if (kind === "SELF_ASSESSMENT") {
    return can(actor, "rating.selfAssess", team) ? ALLOWED : { allowed: false, reason: refusalFor("rating.selfAssess") };
  }
  const mayRate = can(actor, "rating.rate", team);
  if (!mayRate && !can(actor, "rating.prepareDraft", team)) {
    return { allowed: false, reason: refusalFor("rating.prepareDraft") };
  }
  if (status === "FINAL") return { allowed: false, reason: "This rating is final. LMP staff can reopen it, with a reason." };
  if (!mayRate && status !== null && status !== "DRAFT") {
    return { allowed: false, reason: refusalFor("rating.rate") };
  }
  return ALLOWED;
}

/** The side the actor signs for on this team, from their sponsor assignment; null if they sponsor neither side. */
export function signingSides(actor: Actor, team: TeamTarget): SponsorSide[] {
  const sides = grantsFor(actor, "rating.signOff")
    .filter((grant) => covers(grant, team))
    .map((grant) => sponsorSideOf(grant.role))
    .filter((side): side is SponsorSide => side !== null);
  return [...new Set(sides)];
}
