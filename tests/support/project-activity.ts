import { expect } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";

const LONG_AGO = new Date("2020-01-01T00:00:00.000Z");

/** A project of the given team to work on, still being tested (so open to changes). */
export async function createTestProject(teamId: string) {
  return prisma.project.create({
    data: { teamId, title: "Fewer missed pick-ups", aim: "Cut missed pick-ups by half by year end", compassPoints: ["BEST_SERVICE"], status: "TESTING" },
  });
}

/**
 * Runs a change on a project made idle since long ago: it must become the
 * project's latest activity, by the actor, with exactly one audit entry.
 */
export async function expectProjectChangeRecorded<T>(projectId: string, actor: PersonActor, action: string, change: () => Promise<T>): Promise<T> {
  await prisma.project.update({ where: { id: projectId }, data: { lastActivityAt: LONG_AGO, updatedById: null } });
  const lastAudit = (await prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  const startedAt = Date.now();
  const result = await change();
  const project = await prisma.project.findUniqueOrThrow({ where: { id: projectId } });
  expect(project.lastActivityAt.getTime()).toBeGreaterThanOrEqual(startedAt);
  expect(project.updatedById).toBe(actor.personId);
  const entries = await prisma.auditEntry.findMany({ where: { id: { gt: lastAudit } } });
  expect(entries.map((entry) => ({ action: entry.action, actorId: entry.actorId }))).toEqual([{ action, actorId: actor.personId }]);
  return result;
}
