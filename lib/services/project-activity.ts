import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Any change to a project or to something in it (measures, data points, cycles,
 * savings) counts as an update for the 90-day rule, and names who made it.
 */
export async function touchProject(tx: Prisma.TransactionClient, projectId: string, personId: string): Promise<void> {
  await tx.project.update({ where: { id: projectId }, data: { lastActivityAt: new Date(), updatedById: personId } });
}
