import "server-only";
// The actions (a typo in a service is a type error) and their labels are lib/domain/audit-actions.ts.
import type { AuditAction } from "@/lib/domain/audit-actions";
import type { Prisma } from "@/lib/generated/prisma/client";

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
