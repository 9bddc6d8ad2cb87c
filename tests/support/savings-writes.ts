import fc from "fast-check";
import { prisma } from "@/lib/db";
import type { SavingsStatus } from "@/lib/generated/prisma/enums";

/**
 * Random writes to savings entries for the pre-aggregate property tests, made as plain
 * statements so every path (a service, an import, a hand-made fix) goes through the triggers.
 * Indexes pick an item modulo the list, so any number names something.
 */

export const pick = fc.nat({ max: 1_000 });
export const savingsStatus = fc.constantFrom<SavingsStatus>("REPORTED", "VALIDATED", "REJECTED");
export const cents = fc.integer({ min: 1, max: 2_000_000_000 });
export const day = fc
  .date({ min: new Date("2023-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => new Date(date.toISOString().slice(0, 10)));

export const savingsWrite = fc.oneof(
  fc.record({ kind: fc.constant("report" as const), project: pick, amounts: fc.array(fc.tuple(cents, savingsStatus, day), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant("review" as const), entry: pick, status: savingsStatus }),
  fc.record({ kind: fc.constant("re-amount" as const), entry: pick, cents }),
  fc.record({ kind: fc.constant("re-report" as const), entry: pick, reportedOn: day }),
  fc.record({ kind: fc.constant("move-entry" as const), entry: pick, project: pick }),
  fc.record({ kind: fc.constant("drop-entry" as const), entry: pick }),
  fc.record({ kind: fc.constant("review-all" as const), project: pick, status: savingsStatus }),
);

export type SavingsWrite = typeof savingsWrite extends fc.Arbitrary<infer T> ? T : never;

export const nth = <T>(items: readonly T[], index: number): T | undefined => items[index % Math.max(1, items.length)];

type ProjectRef = { id: string; teamId: string };

/** Deletes one of the projects (its savings and links go with it) and gives the list without it; keeps at least two. */
export async function dropProject<P extends ProjectRef>(projects: P[], index: number): Promise<P[]> {
  if (projects.length <= 2) return projects;
  const project = nth(projects, index)!;
  await prisma.project.delete({ where: { id: project.id } });
  return projects.filter((kept) => kept.id !== project.id);
}

const reviewed = (status: SavingsStatus) => ({ status, rejectionReason: status === "REJECTED" ? "No evidence" : null });

/** Applies one write to the entries of `projects` (entries moved elsewhere by a test stay in reach while their project is listed). */
export async function applySavingsWrite(step: SavingsWrite, projects: readonly ProjectRef[]): Promise<void> {
  const entry = async (index: number) =>
    nth(await prisma.savingsEntry.findMany({ where: { projectId: { in: projects.map((project) => project.id) } }, select: { id: true }, orderBy: { id: "asc" } }), index);
  switch (step.kind) {
    case "report": {
      const project = nth(projects, step.project)!;
      await prisma.savingsEntry.createMany({
        data: step.amounts.map(([amountCents, status, reportedOn]) => ({
          projectId: project.id,
          teamId: project.teamId,
          amountCents,
          ...reviewed(status),
          category: "HARD_SAVINGS" as const,
          recurrence: "ONE_TIME" as const,
          reportedOn,
          method: "Budget comparison",
        })),
      });
      return;
    }
    case "review": {
      const found = await entry(step.entry);
      if (found) await prisma.savingsEntry.update({ where: { id: found.id }, data: reviewed(step.status) });
      return;
    }
    case "re-amount": {
      const found = await entry(step.entry);
      if (found) await prisma.savingsEntry.update({ where: { id: found.id }, data: { amountCents: step.cents } });
      return;
    }
    case "re-report": {
      const found = await entry(step.entry);
      if (found) await prisma.savingsEntry.update({ where: { id: found.id }, data: { reportedOn: step.reportedOn } });
      return;
    }
    case "move-entry": {
      const [found, project] = [await entry(step.entry), nth(projects, step.project)!];
      if (found) await prisma.savingsEntry.update({ where: { id: found.id }, data: { projectId: project.id, teamId: project.teamId } });
      return;
    }
    case "drop-entry": {
      const found = await entry(step.entry);
      if (found) await prisma.savingsEntry.delete({ where: { id: found.id } });
      return;
    }
    case "review-all":
      // One statement over many rows, as a bulk fix would be.
      await prisma.savingsEntry.updateMany({ where: { projectId: nth(projects, step.project)!.id }, data: reviewed(step.status) });
      return;
  }
}
