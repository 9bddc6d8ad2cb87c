import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Every kind of change the audit log records, by record: a typo in a service is a type error. */
const AUDIT_ACTIONS = [
  "project.created",
  "project.updated",
  "project.statusChanged",
  "measure.added",
  "measure.updated",
  "measure.removed",
  "dataPoint.added",
  "dataPoint.removed",
  "cycle.added",
  "cycle.updated",
  "practice.adopted",
  "savings.reported",
  "savings.updated",
  "savings.validated",
  "savings.rejected",
  "rating.created",
  "rating.updated",
  "rating.signed",
  "rating.disagreed",
  "rating.reopened",
  "criteria.draftCreated",
  "criteria.added",
  "criteria.updated",
  "criteria.removed",
  "criteria.renamed",
  "criteria.draftDiscarded",
  "criteria.published",
  "criteria.retired",
  "facility.created",
  "facility.updated",
  "facility.retired",
  "facility.reactivated",
  "department.created",
  "department.updated",
  "department.merged",
  "team.created",
  "team.updated",
  "team.retired",
  "team.reactivated",
  "person.created",
  "person.updated",
  "account.created",
  "account.invited",
  "account.resetIssued",
  "account.passwordSet",
  "account.deactivated",
  "account.reactivated",
  "account.signedOutEverywhere",
  "account.sessionEnded",
  "account.passwordChanged",
  "notifications.preferencesChanged",
  "notifications.unsubscribed",
  "role.granted",
  "role.ended",
  "role.handedOver",
  "roster.memberAdded",
  "roster.memberUpdated",
  "rating.imported",
  "import.completed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditRecord = {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  reason?: string | null;
};

type AuditWriter = { auditEntry: { create(args: { data: Prisma.AuditEntryUncheckedCreateInput }): Promise<unknown> } };

/** Appends to the audit log, inside the caller's transaction so the record and its trail commit together. */
export async function recordAudit(tx: AuditWriter, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: record.before ?? undefined,
      after: record.after ?? undefined,
      reason: record.reason ?? null,
    },
  });
}
