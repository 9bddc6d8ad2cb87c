import "server-only";
// Mutation logic takes the actor and parsed input explicitly so integration tests can
// drive it on a real database; lib/actions/savings.ts wraps it for the browser.
import { recordAudit } from "@/lib/audit";
import { assertCan, type PersonActor } from "@/lib/auth/permissions";
import { getProjectTargetOrThrow } from "@/lib/data/projects";
import { getTeamTargetOrThrow, isUuid } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { isAwaitingReview, isEditable, SAVINGS_STATUS_LABELS } from "@/lib/domain/savings";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma, SavingsEntry } from "@/lib/generated/prisma/client";
import type { SavingsStatus } from "@/lib/generated/prisma/enums";
import { formatCents } from "@/lib/domain/money";
import { recipients } from "@/lib/domain/notifications";
import { notify } from "@/lib/services/notifications";
import { recordProjectChange } from "@/lib/services/project-activity";
import { updateVersioned } from "@/lib/services/versioned";
import { toDayString } from "@/lib/validation/dates";
import type { RejectSavingsInput, ReportSavingsInput, UpdateSavingsInput, ValidateSavingsInput } from "@/lib/validation/savings";

export type SavingsOutcome = { entryId: string; version: number; status: SavingsStatus; projectId: string; teamId: string };

type Tx = Prisma.TransactionClient;
type Figures = Omit<UpdateSavingsInput, "entryId" | "expectedVersion">;


/** A co-lead or the region's consultant records savings from one of the team's projects. */
export async function reportSavings(actor: PersonActor, { projectId, ...figures }: ReportSavingsInput): Promise<SavingsOutcome> {
  const project = await getProjectTargetOrThrow(projectId);
  assertCan(actor, "savings.report", project.team);

  return prisma.$transaction(async (tx) => {
    // The team is the project's: savings are credited to the team whose project achieved them.
    const created = await tx.savingsEntry.create({
      data: { projectId, teamId: project.team.teamId, ...storedFigures(figures), reportedById: actor.personId },
    });
    await recordProjectChange(tx, actor, projectId, { action: "savings.reported", entityType: "SavingsEntry", entityId: created.id, after: snapshot(created) });
    return outcome(created);
  });
}

/** Corrects an entry's figures while it is not validated; a corrected rejection is reported again. */
export async function updateSavings(actor: PersonActor, { entryId, expectedVersion, ...figures }: UpdateSavingsInput): Promise<SavingsOutcome> {
  const entry = await getEntryOrThrow(entryId);
  assertCan(actor, "savings.report", await getTeamTargetOrThrow(entry.teamId));
  if (!isEditable(entry.status)) {
    throw new ConflictError("Validated savings are locked; ask LMP staff or a finance reviewer if the validated figures are wrong.");
  }

  return prisma.$transaction(async (tx) => {
    const updated = await writeVersioned(tx, entry, expectedVersion, {
      ...storedFigures(figures),
      // Whoever last set the figures is their reporter, so the four-eyes rule covers corrections too (the audit keeps the first reporter).
      reportedById: actor.personId,
      status: "REPORTED",
      rejectionReason: null,
      reviewedById: null,
      reviewedAt: null,
    });
    await recordProjectChange(tx, actor, entry.projectId, {
      action: "savings.updated",
      entityType: "SavingsEntry",
      entityId: entry.id,
      before: snapshot(entry),
      after: snapshot(updated),
      reason: entry.status === "REJECTED" ? "Corrected after rejection and reported again" : null,
    });
    return outcome(updated);
  });
}

/** A validator signs off reported savings, locking the figures. */
export async function validateSavings(actor: PersonActor, { entryId, expectedVersion }: ValidateSavingsInput): Promise<SavingsOutcome> {
  return review(actor, entryId, expectedVersion, { status: "VALIDATED", rejectionReason: null });
}

/** A validator turns reported savings down, with the reason the team will see. */
export async function rejectSavings(actor: PersonActor, { entryId, expectedVersion, reason }: RejectSavingsInput): Promise<SavingsOutcome> {
  return review(actor, entryId, expectedVersion, { status: "REJECTED", rejectionReason: reason });
}

// ───────────────────────────── shared steps ─────────────────────────────

async function review(
  actor: PersonActor,
  entryId: string,
  expectedVersion: number,
  decision: { status: "VALIDATED" | "REJECTED"; rejectionReason: string | null },
): Promise<SavingsOutcome> {
  const entry = await getEntryOrThrow(entryId);
  const team = await getTeamTargetOrThrow(entry.teamId);
  assertCan(actor, "savings.validate", team);
  // Four eyes: whoever reported the figures cannot also be the one who reviews them.
  if (entry.reportedById === actor.personId) throw new ForbiddenError("You reported these savings, so someone else must review them.");
  if (!isAwaitingReview(entry.status)) {
    throw new ConflictError(`These savings are already ${SAVINGS_STATUS_LABELS[entry.status].toLowerCase()}; only savings awaiting review can be validated or rejected.`);
  }

  return prisma.$transaction(async (tx) => {
    // A review is not the team's own update: it neither resets the 90-day clock nor names the reviewer as the project's editor.
    const reviewed = await writeVersioned(tx, entry, expectedVersion, { ...decision, reviewedById: actor.personId, reviewedAt: new Date() });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: decision.status === "VALIDATED" ? "savings.validated" : "savings.rejected",
      entityType: "SavingsEntry",
      entityId: entry.id,
      before: snapshot(entry),
      after: snapshot(reviewed),
      reason: decision.rejectionReason,
    });
    // The reporter is told (the team's co-leads see the status on the project; they are not notified separately).
    const amount = formatCents(entry.amountCents);
    await notify(
      tx,
      recipients(entry.reportedById ? [entry.reportedById] : [], actor.personId).map((personId) => ({
        personId,
        kind: "SAVINGS_REVIEWED" as const,
        title: decision.status === "VALIDATED" ? `Your savings of ${amount} were validated` : `Your savings of ${amount} were rejected`,
        body:
          decision.status === "VALIDATED"
            ? `The savings entry of ${amount} for ${team.name} was validated; its figures are now locked.`
            : `The savings entry of ${amount} for ${team.name} was rejected: "${decision.rejectionReason}". Correct it and report it again.`,
        link: `/projects/${entry.projectId}`,
      })),
    );
    return outcome(reviewed);
  });
}

async function getEntryOrThrow(entryId: string): Promise<SavingsEntry> {
  const entry = isUuid(entryId) ? await prisma.savingsEntry.findUnique({ where: { id: entryId } }) : null;
  if (!entry) throw new NotFoundError("Unknown savings entry: it does not exist or was removed.");
  return entry;
}

function storedFigures(figures: Figures) {
  const { amount, ...rest } = figures;
  return { amountCents: amount, ...rest };
}

/** A versioned write that also insists on the status the checks were made on: they must still hold when it lands. */
async function writeVersioned(
  tx: Tx,
  entry: SavingsEntry,
  expectedVersion: number,
  data: Prisma.SavingsEntryUncheckedUpdateManyInput,
): Promise<SavingsEntry> {
  await updateVersioned("savings entry", expectedVersion, (expected, bump) =>
    tx.savingsEntry.updateMany({ where: { id: entry.id, status: entry.status, ...expected }, data: { ...data, ...bump } }),
  );
  return tx.savingsEntry.findUniqueOrThrow({ where: { id: entry.id } });
}

/** What the audit log keeps of an entry: its figures and review state, dates as calendar days. */
function snapshot(entry: SavingsEntry): Prisma.InputJsonObject {
  return {
    amountCents: entry.amountCents,
    category: entry.category,
    recurrence: entry.recurrence,
    periodStart: entry.periodStart && toDayString(entry.periodStart),
    periodEnd: entry.periodEnd && toDayString(entry.periodEnd),
    reportedOn: toDayString(entry.reportedOn),
    method: entry.method,
    evidence: entry.evidence,
    status: entry.status,
    rejectionReason: entry.rejectionReason,
    version: entry.version,
  };
}

function outcome(entry: SavingsEntry): SavingsOutcome {
  return { entryId: entry.id, version: entry.version, status: entry.status, projectId: entry.projectId, teamId: entry.teamId };
}
