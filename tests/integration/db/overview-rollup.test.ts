import fc from "fast-check";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { COMPLETED_STATUSES } from "@/lib/domain/projects";
import { quarterOf } from "@/lib/domain/quarter";
import type { CompassPoint, ProjectStatus } from "@/lib/generated/prisma/enums";
import { resetToSeed } from "@/tests/support/database";
import { applySavingsWrite, dropProject, day, nth, pick, savingsWrite } from "@/tests/support/savings-writes";
import { checkAfterEveryWrite } from "@/tests/support/write-sequences";

/**
 * OverviewRollup (projects and savings per facility, quarter and compass point) must always
 * equal the figures counted here, in TypeScript, from the raw projects and savings: after
 * every step of random sequences of writes to projects, savings, teams' departments and
 * departments' facilities, made as plain statements so every path (a service, an import, a
 * hand-made fix) is covered by the triggers.
 */

type Row = {
  quarter: string;
  regionId: string;
  facilityId: string;
  compassPoint: string;
  projectsInProgress: number;
  projectsCompleted: number;
  projectsAbandoned: number;
  savingsReportedCents: string;
  savingsValidatedCents: string;
};


/** The kept rows, in one order. */
async function kept(): Promise<Row[]> {
  const rows = await prisma.overviewRollup.findMany();
  return inOrder(rows.map((row) => ({ ...row, savingsReportedCents: String(row.savingsReportedCents), savingsValidatedCents: String(row.savingsValidatedCents) })));
}

/** The same figures counted from every project and savings entry. */
async function counted(): Promise<Row[]> {
  const [projects, entries, teams] = await Promise.all([
    prisma.project.findMany({ select: { id: true, teamId: true, status: true, compassPoints: true, startDate: true, createdAt: true } }),
    prisma.savingsEntry.findMany({ select: { teamId: true, projectId: true, amountCents: true, status: true, reportedOn: true } }),
    prisma.team.findMany({ select: { id: true, regionId: true, department: { select: { facilityId: true } } } }),
  ]);
  const teamPlace = new Map(teams.map((team) => [team.id, { regionId: team.regionId, facilityId: team.department.facilityId }]));
  const pointsOf = new Map(projects.map((project) => [project.id, project.compassPoints]));
  const rows = new Map<string, Row & { reported: bigint; validated: bigint }>();
  const add = (teamId: string, quarter: string, points: readonly CompassPoint[], change: (row: Row & { reported: bigint; validated: bigint }) => void) => {
    const place = teamPlace.get(teamId)!;
    for (const compassPoint of new Set<string>(["", ...points])) {
      const key = [place.facilityId, compassPoint, quarter].join("|");
      const row = rows.get(key) ?? {
        quarter,
        ...place,
        compassPoint,
        projectsInProgress: 0,
        projectsCompleted: 0,
        projectsAbandoned: 0,
        savingsReportedCents: "0",
        savingsValidatedCents: "0",
        reported: 0n,
        validated: 0n,
      };
      change(row);
      rows.set(key, row);
    }
  };
  for (const project of projects) {
    add(project.teamId, quarterOf(project.startDate ?? project.createdAt), project.compassPoints, (row) => {
      // The domain's "completed"; every other status but abandoned is still in progress.
      if (COMPLETED_STATUSES.includes(project.status)) row.projectsCompleted++;
      else if (project.status === "ABANDONED") row.projectsAbandoned++;
      else row.projectsInProgress++;
    });
  }
  for (const entry of entries) {
    add(entry.teamId, quarterOf(entry.reportedOn), pointsOf.get(entry.projectId)!, (row) => {
      if (entry.status !== "REJECTED") row.reported += BigInt(entry.amountCents);
      if (entry.status === "VALIDATED") row.validated += BigInt(entry.amountCents);
    });
  }
  return inOrder([...rows.values()].map(({ reported, validated, ...row }) => ({ ...row, savingsReportedCents: String(reported), savingsValidatedCents: String(validated) })));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const inOrder = (rows: Row[]) => rows.sort((a, b) => compare(a.facilityId, b.facilityId) || compare(a.compassPoint, b.compassPoint) || compare(a.quarter, b.quarter));

async function expectKeptEqualsCounted(step?: unknown) {
  expect(await kept(), JSON.stringify(step)).toEqual(await counted());
}

let teams: { id: string; regionId: string }[];
let projects: { id: string; teamId: string }[];
/** Departments of several facilities of the teams' region, and facilities to move them to. */
let departments: { id: string; regionId: string }[];
let facilities: { id: string; regionId: string }[];

const compass = fc.uniqueArray(fc.constantFrom<CompassPoint>("PATIENT_AND_MEMBER_FOCUS", "BEST_QUALITY", "BEST_SERVICE", "MOST_AFFORDABLE", "BEST_PLACE_TO_WORK"), { minLength: 1, maxLength: 3 });
const projectStatus = fc.constantFrom<ProjectStatus>("IDEA", "ACTIVE", "TESTING", "IMPLEMENTED", "SUSTAINED", "ABANDONED");

const write = fc.oneof(
  savingsWrite,
  fc.record({ kind: fc.constant("start" as const), team: pick, compass, status: projectStatus, startDate: fc.option(day) }),
  fc.record({ kind: fc.constant("restatus" as const), project: pick, status: projectStatus }),
  fc.record({ kind: fc.constant("retag" as const), project: pick, compass }),
  fc.record({ kind: fc.constant("redate" as const), project: pick, startDate: fc.option(day) }),
  fc.record({ kind: fc.constant("retitle" as const), project: pick }),
  fc.record({ kind: fc.constant("drop-project" as const), project: pick }),
  fc.record({ kind: fc.constant("move-team" as const), team: pick, department: pick }),
  fc.record({ kind: fc.constant("move-department" as const), department: pick, facility: pick }),
);

type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(step: Write): Promise<void> {
  switch (step.kind) {
    case "start": {
      const team = nth(teams, step.team)!;
      projects.push(
        await prisma.project.create({
          data: { teamId: team.id, title: "A new test of change", aim: "Fewer delays.", compassPoints: step.compass, status: step.status, startDate: step.startDate },
          select: { id: true, teamId: true },
        }),
      );
      return;
    }
    case "restatus":
      await prisma.project.update({ where: { id: nth(projects, step.project)!.id }, data: { status: step.status } });
      return;
    case "retag":
      await prisma.project.update({ where: { id: nth(projects, step.project)!.id }, data: { compassPoints: step.compass } });
      return;
    case "redate":
      await prisma.project.update({ where: { id: nth(projects, step.project)!.id }, data: { startDate: step.startDate, targetDate: null } });
      return;
    case "retitle":
      await prisma.project.update({ where: { id: nth(projects, step.project)!.id }, data: { title: "Renamed", lastActivityAt: new Date() } });
      return;
    case "drop-project":
      projects = await dropProject(projects, step.project);
      return;
    case "move-team": {
      const [team, department] = [nth(teams, step.team)!, nth(departments, step.department)!];
      await prisma.team.update({ where: { id: team.id }, data: { departmentId: department.id } });
      return;
    }
    case "move-department": {
      const [department, facility] = [nth(departments, step.department)!, nth(facilities, step.facility)!];
      await prisma.department
        .update({ where: { id: department.id }, data: { facilityId: facility.id } })
        .catch(() => undefined); // the facility has a department of that name: refused by its unique key, nothing written
      return;
    }
    default:
      return applySavingsWrite(step, projects);
  }
}

beforeAll(async () => {
  await resetToSeed();
  const region = await prisma.region.findFirstOrThrow({ where: { slug: "colorado" }, select: { id: true } });
  teams = await prisma.team.findMany({ where: { regionId: region.id }, select: { id: true, regionId: true }, orderBy: { code: "asc" }, take: 5 });
  projects = await prisma.project.findMany({ where: { teamId: { in: teams.map((team) => team.id) } }, select: { id: true, teamId: true }, orderBy: { id: "asc" }, take: 8 });
  facilities = await prisma.facility.findMany({ where: { regionId: region.id }, select: { id: true, regionId: true }, orderBy: { name: "asc" }, take: 4 });
  departments = await prisma.department.findMany({ where: { regionId: region.id, facilityId: { in: facilities.map((facility) => facility.id) } }, select: { id: true, regionId: true }, orderBy: { name: "asc" }, take: 6 });
  expect(projects.length).toBeGreaterThanOrEqual(3);
  expect(facilities.length).toBeGreaterThan(1);
  expect(new Set((await prisma.department.findMany({ where: { id: { in: departments.map((d) => d.id) } }, select: { facilityId: true } })).map((d) => d.facilityId)).size).toBeGreaterThan(1);
});

describe("OverviewRollup, the overview's projects and savings per facility, quarter and compass point", () => {
  it("starts equal to the figures counted from the seed's projects and savings", async () => {
    const rows = await kept();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.savingsValidatedCents !== "0")).toBe(true);
    await expectKeptEqualsCounted();
  });

  it("equals them after every step of random sequences of writes", async () => {
    const steps = await checkAfterEveryWrite(write, { apply, check: expectKeptEqualsCounted, maxLength: 8, numRuns: 10, seed: 20261202 });
    expect(steps).toBeGreaterThan(30);
    // Every step recounts the whole seed in TypeScript: slower than the suite's default allows.
  }, 240_000);

  it("counts both of two concurrent writes to one facility: the second recomputes after the first commits", async () => {
    // Two connections of their own: the app's pool might hand out one at a time and so never overlap them.
    const [first, second] = [new pg.Client({ connectionString: process.env.DATABASE_URL }), new pg.Client({ connectionString: process.env.DATABASE_URL })];
    await Promise.all([first.connect(), second.connect()]);
    const project = projects[0]!;
    const report = (client: pg.Client, amountCents: number) =>
      client.query(
        `INSERT INTO "SavingsEntry" (id, "projectId", "teamId", "amountCents", category, recurrence, "reportedOn", method, "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, 'HARD_SAVINGS', 'ONE_TIME', '2026-01-15', 'Invoices', now())`,
        [project.id, project.teamId, amountCents],
      );
    try {
      await first.query("BEGIN");
      await report(first, 111_00);
      // The second write waits on the facility's lock, held by the first until it commits.
      const secondWrite = report(second, 222_00);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await first.query("COMMIT");
      await secondWrite;
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    await expectKeptEqualsCounted();
  });

  it("is empty of savings after the savings are truncated, and empty after the projects are", async () => {
    await prisma.$executeRawUnsafe(`TRUNCATE "SavingsEntry"`);
    await expectKeptEqualsCounted();
    expect(await prisma.overviewRollup.count({ where: { savingsReportedCents: { not: 0 } } })).toBe(0);
    await prisma.$executeRawUnsafe(`TRUNCATE "Project" CASCADE`);
    expect(await prisma.overviewRollup.count()).toBe(0);
  });
});
