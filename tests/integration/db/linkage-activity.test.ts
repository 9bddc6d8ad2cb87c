import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { LINKAGE_QUARTERS } from "@/lib/data/overview";
import { prisma } from "@/lib/db";
import { addQuarters, quarterBounds, quarterOf, quarterRange, type Quarter } from "@/lib/domain/quarter";
import { couriersTeam } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { checkAfterEveryWrite } from "@/tests/support/write-sequences";

/**
 * The pre-aggregate LinkageActivity must always hold what linkage's definition gives on the raw
 * rows, window by window: the projects a team worked on (started before the window ends, last
 * active after it starts) and the cycles it started in it. Writes are plain statements, so every
 * path (a service, an import, a hand-made fix) is covered by the triggers.
 */

let teams: [string, string];

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 0, 1);
/** A day from 2024 to the end of 2026: windows that hold a day, and those either side of it. */
const day = fc.integer({ min: 0, max: 1_095 }).map((offset) => new Date(FIRST_DAY + offset * DAY_MS));
const pick = fc.nat({ max: 1_000 });

const write = fc.oneof(
  fc.record({ kind: fc.constant("project" as const), team: fc.nat({ max: 1 }), startDate: fc.option(day), createdAt: day, lastActivityAt: day }),
  fc.record({ kind: fc.constant("touch-project" as const), project: pick, at: day }),
  fc.record({ kind: fc.constant("restart-project" as const), project: pick, startDate: fc.option(day) }),
  fc.record({ kind: fc.constant("rename-project" as const), project: pick }),
  fc.record({ kind: fc.constant("move-project" as const), project: pick, team: fc.nat({ max: 1 }) }),
  fc.record({ kind: fc.constant("drop-project" as const), project: pick }),
  fc.record({ kind: fc.constant("cycle" as const), project: pick, startDate: day }),
  fc.record({ kind: fc.constant("move-cycle" as const), cycle: pick, startDate: day }),
  fc.record({ kind: fc.constant("drop-cycle" as const), cycle: pick }),
);

type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

const nth = <T>(items: readonly T[], index: number): T | undefined => items[index % Math.max(1, items.length)];

const theirProjects = () => prisma.project.findMany({ where: { teamId: { in: teams } }, orderBy: { id: "asc" } });
const theirCycles = () => prisma.pdsaCycle.findMany({ where: { teamId: { in: teams } }, orderBy: { id: "asc" } });

async function apply(step: Write): Promise<void> {
  if (step.kind === "project") {
    const { startDate, createdAt, lastActivityAt } = step;
    await prisma.project.create({ data: { teamId: teams[step.team]!, title: "Linkage test", aim: "Count it", compassPoints: ["MOST_AFFORDABLE"], startDate, createdAt, lastActivityAt } });
    return;
  }
  if (step.kind === "cycle") {
    const project = nth(await theirProjects(), step.project);
    if (!project) return;
    const number = ((await prisma.pdsaCycle.aggregate({ where: { projectId: project.id }, _max: { number: true } }))._max.number ?? 0) + 1;
    await prisma.pdsaCycle.create({ data: { projectId: project.id, teamId: project.teamId, number, plan: "Try it", startDate: step.startDate } });
    return;
  }
  if (step.kind === "move-cycle" || step.kind === "drop-cycle") {
    const cycle = nth(await theirCycles(), step.cycle);
    if (!cycle) return;
    if (step.kind === "drop-cycle") await prisma.pdsaCycle.delete({ where: { id: cycle.id } });
    else await prisma.pdsaCycle.update({ where: { id: cycle.id }, data: { startDate: step.startDate, endDate: null } });
    return;
  }
  const project = nth(await theirProjects(), step.project);
  if (!project) return;
  const where = { id: project.id };
  switch (step.kind) {
    case "touch-project":
      await prisma.project.update({ where, data: { lastActivityAt: step.at } });
      return;
    case "restart-project":
      await prisma.project.update({ where, data: { startDate: step.startDate, targetDate: null } });
      return;
    case "rename-project":
      await prisma.project.update({ where, data: { title: `${project.title}!`.slice(0, 200) } });
      return;
    case "move-project":
      // Its cycles follow through the foreign key to the project's (id, teamId).
      await prisma.project.update({ where, data: { teamId: teams[step.team]! } });
      return;
    case "drop-project":
      await prisma.project.delete({ where });
      return;
  }
}

/** Linkage's definition on the raw rows, for every window from the first activity to three quarters after the last; windows with nothing have no row. */
async function byTheDefinition(): Promise<{ teamId: string; quarter: string; projects: number; cycles: number }[]> {
  const [projects, cycles] = await Promise.all([theirProjects(), theirCycles()]);
  const days = [...projects.flatMap((project) => [project.startDate ?? project.createdAt, project.createdAt, project.lastActivityAt]), ...cycles.map((cycle) => cycle.startDate)];
  if (days.length === 0) return [];
  const first = quarterOf(new Date(Math.min(...days.map((date) => date.getTime()))));
  const last = addQuarters(quarterOf(new Date(Math.max(...days.map((date) => date.getTime())))), LINKAGE_QUARTERS);
  const expected = [];
  for (const teamId of [...teams].sort()) {
    for (const quarter of quarterRange(first, last) as Quarter[]) {
      const start = quarterBounds(addQuarters(quarter, 1 - LINKAGE_QUARTERS)).start;
      const { end } = quarterBounds(quarter);
      const startedOn = (project: (typeof projects)[number]) => project.startDate ?? new Date(Date.UTC(project.createdAt.getUTCFullYear(), project.createdAt.getUTCMonth(), project.createdAt.getUTCDate()));
      const worked = projects.filter((project) => project.teamId === teamId && startedOn(project) < end && project.lastActivityAt >= start).length;
      const started = cycles.filter((cycle) => cycle.teamId === teamId && cycle.startDate >= start && cycle.startDate < end).length;
      if (worked > 0 || started > 0) expected.push({ teamId, quarter, projects: worked, cycles: started });
    }
  }
  return expected;
}

async function preAggregated() {
  return prisma.linkageActivity.findMany({ where: { teamId: { in: teams } }, orderBy: [{ teamId: "asc" }, { quarter: "asc" }], select: { teamId: true, quarter: true, projects: true, cycles: true } });
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  const other = await prisma.team.findFirstOrThrow({ where: { id: { not: couriers.id }, regionId: couriers.regionId, projects: { some: { cycles: { some: {} } } } }, orderBy: { code: "asc" } });
  teams = [couriers.id, other.id];
});

describe("LinkageActivity, the pre-aggregate of linkage's projects and cycles", () => {
  it("starts equal to the definition on the seed (the seed makes it once, after loading)", async () => {
    const rows = await preAggregated();
    expect(rows.some((row) => row.cycles > 0)).toBe(true);
    expect(rows).toEqual(await byTheDefinition());
  });

  it("equals the definition after every step of random sequences of writes", async () => {
    const steps = await checkAfterEveryWrite(write, {
      apply,
      check: async (step) => expect(await preAggregated(), JSON.stringify(step)).toEqual(await byTheDefinition()),
      maxLength: 10,
      numRuns: 15,
      seed: 20261202,
    });
    expect(steps).toBeGreaterThan(60);
  });

  it("refreshes any number of teams in one transaction", async () => {
    const many = Array.from({ length: 20_000 }, () => randomUUID());
    await expect(prisma.$executeRaw`SELECT "linkage_activity_refresh"(${[...many, ...teams]}::uuid[])`).resolves.toBeDefined();
    expect(await preAggregated()).toEqual(await byTheDefinition());
  });
});
