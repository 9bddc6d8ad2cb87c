import "server-only";
import { recordAudit, type AuditRecord } from "@/lib/audit";
import { assertCan, type PersonActor } from "@/lib/auth/permissions";
import { getProjectTargetOrThrow, type ProjectTarget } from "@/lib/data/projects";
import type { Prisma } from "@/lib/generated/prisma/client";

// Shared by the services that change a project or what is in it (measures, data
// points, cycles, savings, the project itself).

/** The project a change lands in, once the actor is known to be one of those who edit it. */
export async function getEditableProjectOrThrow(actor: PersonActor, projectId: string): Promise<ProjectTarget> {
  const project = await getProjectTargetOrThrow(projectId);
  assertCan(actor, "project.edit", project.team);
  return project;
}

/**
 * Any change to a project or to something in it counts as an update for the 90-day rule,
 * names who made it, and leaves an audit entry, all in the caller's transaction.
 */
export async function recordProjectChange(tx: Prisma.TransactionClient, actor: PersonActor, projectId: string, audit: Omit<AuditRecord, "actorId">): Promise<void> {
  await tx.project.update({ where: { id: projectId }, data: { lastActivityAt: new Date(), updatedById: actor.personId } });
  await recordAudit(tx, { actorId: actor.personId, ...audit });
}
