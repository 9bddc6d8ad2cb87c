import { can, covers, grantsFor, refusalFor, type Actor, type Target } from "@/lib/auth/permissions";
import { compareQuarters, currentQuarter, formatQuarter, type Quarter } from "@/lib/domain/quarter";
import { sponsorSideOf } from "@/lib/domain/rating-workflow";
import { ConflictError, ForbiddenError, InvalidInputError, type AppError, type FieldErrors } from "@/lib/errors";
import type { RatingKind, RatingStatus, SponsorSide } from "@/lib/generated/prisma/enums";

// The one set of rules about what someone may do with a team's rating. The rating page
// asks them to decide what to offer, and the rating service asks them again before it
// writes, so the page never offers what the service would refuse.

/** The team a rating belongs to: its permission target, with the name and charter quarter the rules speak of. */
export type RatingTeam = Extract<Target, { kind: "team" }> & { name: string; charteredQuarter: Quarter; retiredQuarter: Quarter | null };

/**
 * Why something is refused: a role's refusal (forbidden), a request that cannot be
 * right (invalid, naming the field where there is one), or a rating whose state does
 * not allow it any more (conflict).
 */
export type Refusal = { allowed: false; reason: string; kind: "forbidden" | "invalid" | "conflict"; fieldErrors?: FieldErrors };

export type Permission = { allowed: true } | Refusal;

const ALLOWED = { allowed: true } as const;

const forbidden = (reason: string): Refusal => ({ allowed: false, kind: "forbidden", reason });
const invalid = (reason: string, fieldErrors?: FieldErrors): Refusal => ({ allowed: false, kind: "invalid", reason, ...(fieldErrors && { fieldErrors }) });
const conflict = (reason: string): Refusal => ({ allowed: false, kind: "conflict", reason });

/** The error a service throws for a refusal: a 403, a 422 with its fields, or a 409. */
export function refusalError(refusal: Refusal): AppError {
  switch (refusal.kind) {
    case "forbidden":
      return new ForbiddenError(refusal.reason);
    case "invalid":
      return new InvalidInputError(refusal.reason, refusal.fieldErrors);
    case "conflict":
      return new ConflictError(refusal.reason);
  }
}

/** For services: go on only if permitted, else throw the refusal as its error. */
export function assertPermitted<P extends Permission>(permission: P): asserts permission is Exclude<P, Refusal> {
  if (!permission.allowed) throw refusalError(permission);
}

/**
 * Which quarters a team can be rated for: from the quarter it was chartered in to the
 * current one (a quarter can be rated from its first day), and not once it has retired.
 */
export function quarterRule(team: RatingTeam, quarter: Quarter, now: Date = new Date()): Permission {
  if (compareQuarters(quarter, currentQuarter(now)) > 0) {
    return invalid(`${formatQuarter(quarter)} has not begun yet: a quarter can be rated from its first day.`, {
      quarter: ["Choose the current quarter or an earlier one"],
    });
  }
  if (compareQuarters(quarter, team.charteredQuarter) < 0) {
    return invalid(`${team.name} was chartered in ${formatQuarter(team.charteredQuarter)}; it has no rating for ${formatQuarter(quarter)}.`, {
      quarter: [`Choose ${team.charteredQuarter} or later`],
    });
  }
  if (team.retiredQuarter !== null && compareQuarters(quarter, team.retiredQuarter) >= 0) {
    return invalid(`${team.name} retired in ${formatQuarter(team.retiredQuarter)}; it has no rating for ${formatQuarter(quarter)}.`, {
      quarter: [`Choose a quarter before ${team.retiredQuarter}`],
    });
  }
  return ALLOWED;
}

/**
 * Who may change a rating's criteria: co-leads their self-assessment; for the
 * quarterly rating, the team's sponsors and LMP staff, and its consultant while it is
 * still an unsigned draft. Only for a quarter the team can be rated for, and a final
 * rating must be reopened first. `status` is null for a rating not started yet.
 *
 * The role is checked first, so someone who may not rate the team learns nothing
 * about it (not even when it was chartered).
 */
export function mayEditRating(
  actor: Actor,
  team: RatingTeam,
  rating: { quarter: Quarter; kind: RatingKind; status: RatingStatus | null },
  now: Date = new Date(),
): Permission {
  const { quarter, kind, status } = rating;
  const mayRate = kind === "QUARTERLY" && can(actor, "rating.rate", team);
  if (kind === "SELF_ASSESSMENT" && !can(actor, "rating.selfAssess", team)) return forbidden(refusalFor("rating.selfAssess"));
  if (kind === "QUARTERLY" && !mayRate && !can(actor, "rating.prepareDraft", team)) return forbidden(refusalFor("rating.prepareDraft"));

  const quarterOk = quarterRule(team, quarter, now);
  if (!quarterOk.allowed) return quarterOk;

  if (status === "FINAL") return forbidden("This rating is final. LMP staff can reopen it, with a reason.");
  // A consultant prepares the draft; once a sponsor has signed, only those who rate may change it.
  if (kind === "QUARTERLY" && !mayRate && status !== null && status !== "DRAFT") return forbidden(refusalFor("rating.rate"));
  return ALLOWED;
}

/** The sides the actor signs for on this team, from their sponsor assignments (both only by mistake). */
function signingSides(actor: Actor, team: RatingTeam): SponsorSide[] {
  const sides = grantsFor(actor, "rating.signOff")
    .filter((grant) => covers(grant, team))
    .map((grant) => sponsorSideOf(grant.role))
    .filter((side): side is SponsorSide => side !== null);
  return [...new Set(sides)];
}

/**
 * Who may sign a rating (or record a disagreement with it): a sponsor of one side of
 * the team, on a quarterly rating that is not final yet and reaches a level to attest
 * to. When allowed, the side they sign for.
 */
export function maySign(
  actor: Actor,
  team: RatingTeam,
  rating: { kind: RatingKind; status: RatingStatus; level: number | null },
): { allowed: true; side: SponsorSide } | Refusal {
  if (!can(actor, "rating.signOff", team)) return forbidden(refusalFor("rating.signOff"));
  if (rating.kind !== "QUARTERLY") return invalid("Self-assessments are not signed; sponsors sign the quarterly rating.");
  const sides = signingSides(actor, team);
  if (sides.length !== 1) {
    return forbidden("You are recorded as both the union and the management sponsor of this team; ask LMP staff to correct the assignment.");
  }
  if (rating.status === "FINAL") return conflict("This rating is already final.");
  if (rating.level === null) return invalid("This rating does not reach level 1 yet, so it cannot be signed. Complete the criteria first.");
  return { allowed: true, side: sides[0]! };
}

/** Who may reopen a rating: LMP staff, and only a final one (a draft is simply edited). */
export function mayReopen(actor: Actor, team: RatingTeam, rating: { status: RatingStatus }): Permission {
  if (!can(actor, "rating.reopen", team)) return forbidden(refusalFor("rating.reopen"));
  if (rating.status !== "FINAL") return conflict("Only a final rating can be reopened.");
  return ALLOWED;
}
