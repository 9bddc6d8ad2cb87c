import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetToSeed } from "@/tests/support/database";
import { applySavingsWrite, dropProject, nth, pick, savingsWrite } from "@/tests/support/savings-writes";
import { checkAfterEveryWrite } from "@/tests/support/write-sequences";

/**
 * A project's adopterCount and validatedSavingsCents (the practice library's order) must
 * always equal what its raw SpreadLink and SavingsEntry rows give: after every step of
 * random sequences of writes, made as plain statements so every path (a service, an
 * import, a hand-made fix) is covered by the triggers.
 */

type Team = { id: string };
let teams: Team[];
let projects: { id: string; teamId: string }[];

const write = fc.oneof(
  savingsWrite,
  fc.record({ kind: fc.constant("adopt" as const), origin: pick, team: pick }),
  fc.record({ kind: fc.constant("drop-adoption" as const), link: pick }),
  fc.record({ kind: fc.constant("drop-project" as const), project: pick }),
);

type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

const projectIds = () => projects.map((project) => project.id);

async function apply(step: Write): Promise<void> {
  switch (step.kind) {
    case "adopt": {
      const [origin, team] = [nth(projects, step.origin)!, nth(teams, step.team)!];
      await prisma
        .$transaction(async (tx) => {
          const adopter = await tx.project.create({ data: { teamId: team.id, title: "Adopted practice", aim: "Adopted.", compassPoints: ["BEST_SERVICE"] }, select: { id: true, teamId: true } });
          await tx.spreadLink.create({ data: { originProjectId: origin.id, adopterProjectId: adopter.id, adopterTeamId: team.id } });
          projects.push(adopter);
        })
        .catch(() => undefined); // the team already adopted it: refused by the unique key, nothing written
      return;
    }
    case "drop-adoption": {
      const links = await prisma.spreadLink.findMany({ where: { originProjectId: { in: projectIds() } }, orderBy: { id: "asc" } });
      const link = nth(links, step.link);
      if (link) await prisma.spreadLink.delete({ where: { id: link.id } });
      return;
    }
    case "drop-project":
      projects = await dropProject(projects, step.project);
      return;
    default:
      return applySavingsWrite(step, projects);
  }
}

/** Every project whose kept figures differ from its raw rows, with both. */
async function mismatches() {
  return prisma.$queryRaw<unknown[]>`
    SELECT p.id, p."adopterCount", p."validatedSavingsCents"::text AS kept,
           (SELECT count(*) FROM "SpreadLink" l WHERE l."originProjectId" = p.id)::int AS adopters,
           (SELECT COALESCE(sum(s."amountCents"), 0) FROM "SavingsEntry" s WHERE s."projectId" = p.id AND s.status = 'VALIDATED')::text AS raw
    FROM "Project" p
    WHERE p."adopterCount" <> (SELECT count(*) FROM "SpreadLink" l WHERE l."originProjectId" = p.id)
       OR p."validatedSavingsCents" <> (SELECT COALESCE(sum(s."amountCents"), 0) FROM "SavingsEntry" s WHERE s."projectId" = p.id AND s.status = 'VALIDATED')`;
}

beforeAll(async () => {
  await resetToSeed();
  teams = await prisma.team.findMany({ where: { retiredQuarter: null }, select: { id: true }, orderBy: { code: "asc" }, take: 6 });
  projects = await prisma.project.findMany({ where: { teamId: { in: teams.map((team) => team.id) } }, select: { id: true, teamId: true }, orderBy: { id: "asc" }, take: 6 });
  expect(projects.length).toBeGreaterThanOrEqual(3);
});

describe("a project's adopterCount and validatedSavingsCents, kept for the practice library", () => {
  it("start equal to the raw rows on the seed, where some projects were adopted and have validated savings", async () => {
    expect(await mismatches()).toEqual([]);
    expect(await prisma.project.count({ where: { adopterCount: { gt: 0 } } })).toBeGreaterThan(0);
    expect(await prisma.project.count({ where: { validatedSavingsCents: { gt: 0 } } })).toBeGreaterThan(0);
  });

  it("equal the raw rows after every step of random sequences of writes", async () => {
    const seen = { adopted: false, validated: false };
    const steps = await checkAfterEveryWrite(write, {
      apply,
      check: async (step) => {
        expect(await mismatches(), JSON.stringify(step)).toEqual([]);
        seen.adopted ||= (await prisma.project.count({ where: { id: { in: projectIds() }, adopterCount: { gt: 0 } } })) > 0;
        seen.validated ||= (await prisma.project.count({ where: { id: { in: projectIds() }, validatedSavingsCents: { gt: 0 } } })) > 0;
      },
      maxLength: 10,
      numRuns: 20,
      seed: 20261202,
    });
    expect(steps).toBeGreaterThan(80);
    expect(seen).toEqual({ adopted: true, validated: true });
  });

  it("add up past the largest 32-bit integer: one project's validated savings may exceed $21,474,836.47", async () => {
    const project = projects[0]!;
    const before = await prisma.project.findUniqueOrThrow({ where: { id: project.id }, select: { validatedSavingsCents: true } });
    const reportedOn = new Date("2025-05-01");
    await apply({ kind: "report", project: 0, amounts: [[2_000_000_000, "VALIDATED", reportedOn], [2_000_000_000, "VALIDATED", reportedOn]] });
    const after = await prisma.project.findUniqueOrThrow({ where: { id: project.id }, select: { validatedSavingsCents: true } });
    expect(after.validatedSavingsCents - before.validatedSavingsCents).toBe(4_000_000_000n);
    expect(await mismatches()).toEqual([]);
  });

  it("are zero again after the savings and links are truncated", async () => {
    await prisma.$executeRawUnsafe(`TRUNCATE "SpreadLink", "SavingsEntry"`);
    expect(await mismatches()).toEqual([]);
    expect(await prisma.project.count({ where: { OR: [{ adopterCount: { not: 0 } }, { validatedSavingsCents: { not: 0 } }] } })).toBe(0);
  });
});
