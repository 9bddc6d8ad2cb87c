import "server-only";
// Mutation logic takes the actor and parsed input explicitly so integration tests can
// drive it on a real database; lib/actions/ratings.ts wraps it for the browser.
import { recordAudit } from "@/lib/audit";
import type { PersonActor } from "@/lib/auth/permissions";
import { assertPermitted, mayEditRating, mayReopen, maySign } from "@/lib/auth/rating-permissions";
import { getTeamTargetOrThrow, type TeamTarget } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { assessLevel, type LevelAssessment } from "@/lib/domain/rating-level";
import { formatQuarter, type Quarter } from "@/lib/domain/quarter";
import { awaitingSignatureRecipients, signersToTell } from "@/lib/domain/notifications";
import { SIDE_LABELS, sidesAwaiting, statusFromSignoffs } from "@/lib/domain/rating-workflow";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RatingKind, RatingStatus } from "@/lib/generated/prisma/enums";
import { notify, teamSponsors } from "@/lib/services/notifications";
import { updateVersioned } from "@/lib/services/versioned";
import type { ReopenRatingInput, SaveRatingInput, SignoffInput } from "@/lib/validation/ratings";

/** What a rating action changed, and where it shows (the team, the quarter). */
export type RatingOutcome = { ratingId: string; teamId: string; quarter: Quarter; version: number; level: number | null; status: RatingStatus };

type Tx = Prisma.TransactionClient;
type CheckInput = SaveRatingInput["checks"][number];

// ───────────────────────────── saving the criteria ─────────────────────────────

/** Creates or updates a team's quarterly rating or self-assessment from the criteria ticked. */
export async function saveRating(actor: PersonActor, input: SaveRatingInput): Promise<RatingOutcome> {
  const team = await getTeamTargetOrThrow(input.teamId);
  // The rules the rating page shows: who may rate, and which quarters; before anything about the rating itself is read.
  assertPermitted(mayEditRating(actor, team, { quarter: input.quarter, kind: input.kind, status: null }));

  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.rating.findUnique({
        where: { teamId_quarter_kind: { teamId: team.teamId, quarter: input.quarter, kind: input.kind } },
        include: { checks: true, dimensions: true, signoffs: { where: { voidedAt: null } } },
      });
      if (existing && input.expectedVersion === null) throw alreadyExists(team, input.quarter, input.kind);
      if (!existing && input.expectedVersion !== null) throw new NotFoundError("This rating no longer exists. Reload the page.");
      if (existing) assertPermitted(mayEditRating(actor, team, { quarter: input.quarter, kind: input.kind, status: existing.status }));

      const criteriaSetId = existing?.criteriaSetId ?? (await publishedSetId(tx));
      const criteria = await tx.criterion.findMany({ where: { setId: criteriaSetId }, select: { id: true, dimension: true, level: true } });
      const checks = checksToStore(input.checks, new Set(criteria.map((criterion) => criterion.id)), await setVersion(tx, criteriaSetId));
      const assessment = assessLevel(criteria, new Set(checks.filter((check) => check.met).map((check) => check.criterionId)));
      const note = input.note || null;

      if (!existing) {
        const created = await tx.rating.create({
          data: {
            teamId: team.teamId,
            quarter: input.quarter,
            kind: input.kind,
            criteriaSetId,
            level: assessment.level,
            note,
            createdById: actor.personId,
            updatedById: actor.personId,
          },
        });
        await writeContent(tx, created.id, criteriaSetId, checks, assessment);
        await recordAudit(tx, {
          actorId: actor.personId,
          action: "rating.created",
          entityType: "Rating",
          entityId: created.id,
          after: snapshot({ status: created.status, level: assessment.level, note, checks }).json,
        });
        return outcome(created);
      }

      const before = snapshot({ status: existing.status, level: existing.level, note: existing.note, checks: existing.checks });
      const contentChanged = before.content !== snapshot({ status: existing.status, level: assessment.level, note, checks }).content;
      // Sponsors signed what they saw: a changed rating needs their signatures again.
      const voidsSignoffs = contentChanged && existing.signoffs.length > 0;
      const status = voidsSignoffs ? statusFromSignoffs([]) : existing.status;
      const version = await writeVersioned(tx, existing.id, input.expectedVersion!, actor, { level: assessment.level, note, status });
      if (voidsSignoffs) {
        await voidCurrentSignoffs(tx, existing.id);
        await tellSigners(tx, existing, signersToTell(existing.signoffs, actor.personId), {
          title: `A rating you signed was changed: ${team.name}`,
          body: `The rating of ${team.name} for ${formatQuarter(input.quarter)} was changed after you signed it, so your signature was voided. Review it and sign again.`,
        });
      }
      await tx.ratingCriterionCheck.deleteMany({ where: { ratingId: existing.id } });
      await tx.ratingDimension.deleteMany({ where: { ratingId: existing.id } });
      await writeContent(tx, existing.id, criteriaSetId, checks, assessment);
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "rating.updated",
        entityType: "Rating",
        entityId: existing.id,
        before: before.json,
        after: snapshot({ status, level: assessment.level, note, checks }).json,
        reason: voidsSignoffs ? "Criteria changed after sign-off: sign-offs voided" : null,
      });
      return outcome({ ...existing, version, level: assessment.level, status });
    });
  } catch (error) {
    // Two people starting the same rating at once: the database's unique key decides.
    if (isUniqueViolation(error)) throw alreadyExists(team, input.quarter, input.kind);
    throw error;
  }
}

function alreadyExists(team: TeamTarget, quarter: Quarter, kind: RatingKind): ConflictError {
  const what = kind === "SELF_ASSESSMENT" ? "A self-assessment" : "A quarterly rating";
  return new ConflictError(`${what} of ${team.name} for ${formatQuarter(quarter)} already exists. Open it to make changes.`);
}

async function publishedSetId(tx: Tx): Promise<string> {
  const set = await tx.criteriaSet.findFirst({ where: { status: "PUBLISHED" }, select: { id: true } });
  if (!set) throw new ConflictError("No criteria set is published yet, so nothing can be rated. LMP staff publish one under Criteria.");
  return set.id;
}

async function setVersion(tx: Tx, setId: string): Promise<number> {
  return (await tx.criteriaSet.findUniqueOrThrow({ where: { id: setId }, select: { version: true } })).version;
}

/** Keeps ticked criteria and unticked ones with evidence; refuses criteria of any other set. */
function checksToStore(checks: readonly CheckInput[], setCriteria: ReadonlySet<string>, version: number) {
  const foreign = checks.filter((check) => !setCriteria.has(check.criterionId));
  if (foreign.length > 0) {
    throw new InvalidInputError(
      `${foreign.length === 1 ? "A criterion" : `${foreign.length} criteria`} in this rating ${foreign.length === 1 ? "is" : "are"} not part of criteria version ${version}, which this rating uses.`,
      { checks: ["Reload the page to get the current criteria"] },
    );
  }
  return checks
    .filter((check) => check.met || check.evidence)
    .map((check) => ({ criterionId: check.criterionId, met: check.met, evidence: check.evidence || null }));
}

async function writeContent(
  tx: Tx,
  ratingId: string,
  criteriaSetId: string,
  checks: readonly { criterionId: string; met: boolean; evidence: string | null }[],
  assessment: LevelAssessment,
): Promise<void> {
  await tx.ratingDimension.createMany({
    data: Object.entries(assessment.dimensions).map(([dimension, level]) => ({ ratingId, dimension: dimension as keyof LevelAssessment["dimensions"], level })),
  });
  if (checks.length > 0) await tx.ratingCriterionCheck.createMany({ data: checks.map((check) => ({ ...check, ratingId, criteriaSetId })) });
}

/** What an audit entry keeps of a rating, and a canonical text of its content to tell real changes from re-saves. */
function snapshot(rating: { status: RatingStatus; level: number | null; note: string | null; checks: readonly { criterionId: string; met: boolean; evidence: string | null }[] }) {
  const checks = [...rating.checks]
    .sort((a, b) => a.criterionId.localeCompare(b.criterionId))
    .map(({ criterionId, met, evidence }) => ({ criterionId, met, evidence }));
  return {
    json: { status: rating.status, level: rating.level, note: rating.note, checks },
    content: JSON.stringify({ level: rating.level, note: rating.note, checks }),
  };
}

// ───────────────────────────── sign-off ─────────────────────────────

/** A sponsor signs the rating for their side, or records a disagreement with a reason. */
export async function signRating(actor: PersonActor, input: SignoffInput): Promise<RatingOutcome> {
  const rating = await getRatingOrThrow(input.ratingId);
  const team = await getTeamTargetOrThrow(rating.teamId);
  // The rule the rating page offers the sign-off form by.
  const permission = maySign(actor, team, rating);
  assertPermitted(permission);
  const { side } = permission;
  if (rating.level !== input.level) {
    throw new ConflictError(`The rating's level is now ${rating.level}, not ${input.level}. Review it before you sign.`);
  }

  return prisma.$transaction(async (tx) => {
    const version = await writeVersioned(tx, rating.id, input.expectedVersion, actor, {});
    const othersSigned = await tx.ratingSignoff.findMany({ where: { ratingId: rating.id, voidedAt: null, side: { not: side } }, select: { personId: true, decision: true } });
    await tx.ratingSignoff.updateMany({ where: { ratingId: rating.id, side, voidedAt: null }, data: { voidedAt: new Date() } });
    await tx.ratingSignoff.create({
      data: { ratingId: rating.id, side, personId: actor.personId, decision: input.decision, level: input.level, reason: input.reason || null },
    });
    const current = await tx.ratingSignoff.findMany({ where: { ratingId: rating.id, voidedAt: null }, select: { side: true, decision: true } });
    const status = statusFromSignoffs(current);
    await tx.rating.update({ where: { id: rating.id }, data: { status, finalizedAt: status === "FINAL" ? new Date() : null } });
    const quarter = formatQuarter(rating.quarter as Quarter);
    if (input.decision === "SIGNED" && status === "AWAITING_SIGNOFF") {
      const awaiting = awaitingSignatureRecipients(await teamSponsors(tx, rating.teamId), sidesAwaiting(current), actor.personId);
      await notify(
        tx,
        awaiting.map((personId) => ({
          personId,
          kind: "RATING_AWAITS_SIGNATURE" as const,
          title: `The rating of ${team.name} awaits your signature`,
          body: `The ${SIDE_LABELS[side]} sponsor signed the rating of ${team.name} for ${quarter} at level ${input.level}. It is final once your side signs too.`,
          link: ratingLink(rating),
        })),
      );
    }
    if (input.decision === "DISAGREED") {
      await tellSigners(tx, rating, signersToTell(othersSigned, actor.personId), {
        title: `A rating you signed is disputed: ${team.name}`,
        body: `The ${SIDE_LABELS[side]} sponsor disagreed with the rating of ${team.name} for ${quarter}${input.reason ? `: "${input.reason}"` : "."}`,
      });
    }
    await recordAudit(tx, {
      actorId: actor.personId,
      action: input.decision === "SIGNED" ? "rating.signed" : "rating.disagreed",
      entityType: "Rating",
      entityId: rating.id,
      before: { status: rating.status },
      after: { status, side: SIDE_LABELS[side], level: input.level },
      reason: input.reason || null,
    });
    return outcome({ ...rating, version, status });
  });
}

// ───────────────────────────── reopening ─────────────────────────────

/** LMP staff reopen a final rating, with a reason; its sign-offs are voided but kept as history. */
export async function reopenRating(actor: PersonActor, input: ReopenRatingInput): Promise<RatingOutcome> {
  const rating = await getRatingOrThrow(input.ratingId);
  const team = await getTeamTargetOrThrow(rating.teamId);
  assertPermitted(mayReopen(actor, team, rating));

  return prisma.$transaction(async (tx) => {
    const status = statusFromSignoffs([]);
    const version = await writeVersioned(tx, rating.id, input.expectedVersion, actor, { status, finalizedAt: null });
    const signed = await tx.ratingSignoff.findMany({ where: { ratingId: rating.id, voidedAt: null }, select: { personId: true, decision: true } });
    await voidCurrentSignoffs(tx, rating.id);
    await tellSigners(tx, rating, signersToTell(signed, actor.personId), {
      title: `A rating you signed was reopened: ${team.name}`,
      body: `The rating of ${team.name} for ${formatQuarter(rating.quarter as Quarter)} was reopened, so your signature was voided: "${input.reason}"`,
    });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "rating.reopened",
      entityType: "Rating",
      entityId: rating.id,
      before: { status: rating.status, level: rating.level },
      after: { status, level: rating.level },
      reason: input.reason,
    });
    return outcome({ ...rating, version, status });
  });
}

// ───────────────────────────── shared steps ─────────────────────────────

function ratingLink(rating: { teamId: string; quarter: string }): string {
  return `/teams/${rating.teamId}/ratings/${rating.quarter}`;
}

/** Tells the sponsors whose signature the change voided or disputes (already without the actor). */
async function tellSigners(tx: Tx, rating: { teamId: string; quarter: string }, personIds: readonly string[], message: { title: string; body: string }) {
  await notify(tx, personIds.map((personId) => ({ personId, kind: "SIGNED_RATING_CHANGED" as const, ...message, link: ratingLink(rating) })));
}

async function getRatingOrThrow(ratingId: string) {
  const rating = await prisma.rating.findUnique({ where: { id: ratingId } });
  if (!rating) throw new NotFoundError("Unknown rating: it does not exist or was removed.");
  return rating;
}

/** A versioned write (see updateVersioned) that also names who changed the rating last. */
function writeVersioned(tx: Tx, ratingId: string, expectedVersion: number, actor: PersonActor, data: Prisma.RatingUncheckedUpdateManyInput): Promise<number> {
  return updateVersioned("rating", expectedVersion, (expected, bump) =>
    tx.rating.updateMany({ where: { id: ratingId, ...expected }, data: { ...data, ...bump, updatedById: actor.personId } }),
  );
}

async function voidCurrentSignoffs(tx: Tx, ratingId: string): Promise<void> {
  await tx.ratingSignoff.updateMany({ where: { ratingId, voidedAt: null }, data: { voidedAt: new Date() } });
}

function outcome(rating: { id: string; teamId: string; quarter: string; version: number; level: number | null; status: RatingStatus }): RatingOutcome {
  return { ratingId: rating.id, teamId: rating.teamId, quarter: rating.quarter as Quarter, version: rating.version, level: rating.level, status: rating.status };
}
