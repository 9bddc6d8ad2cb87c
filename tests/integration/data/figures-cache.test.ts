import fc from "fast-check";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { getEngagementByRegionAndLevel } from "@/lib/data/engagement";
import { getMovementByRegion } from "@/lib/data/movement";
import { getLinkage, getProjectsByCompassPoint, getSavingsBreakdown, getSavingsTimeline, getTopPractices, type OverviewFilters } from "@/lib/data/overview";
import { getHighPerformingTrend, getRegionalTable } from "@/lib/data/regional-rollup";
import { addQuarters } from "@/lib/domain/quarter";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { actorFor } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { applySavingsWrite, dropProject, nth, pick, savingsWrite } from "@/tests/support/savings-writes";
import { SEED_QUARTER } from "@/tests/support/seed-clock";
import { checkAfterEveryWrite } from "@/tests/support/write-sequences";

/**
 * The overview's roll-ups are kept per figures' version (lib/data/figures-cache.ts): after
 * every step of random sequences of writes (ratings, projects, savings, teams retired, each as
 * a plain statement, so every path is covered by the triggers), what the cache hands out must
 * equal the figures computed afresh, for a national and a regional viewer.
 */

/** Tables no figure is read from: writing to them leaves the version alone. */
const UNWATCHED = [
  "AccountToken",
  "AuditEntry",
  "DailyJobRun",
  "DigestSent",
  "IdempotentRequest",
  "Notification",
  "NotificationPreference",
  "Session",
  "SignInAttempt",
  "User",
  "_prisma_migrations",
];

async function version(): Promise<bigint> {
  const [row] = await prisma.$queryRaw<{ version: bigint }[]>`SELECT last_value AS version FROM "figures_version"`;
  return row!.version;
}

/** Whether a writer holds the lock every writing transaction takes (migration 20261202154644_figures_version). */
async function writerOpen(): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ open: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 7210425 AND objsubid = 1 AND mode = 'ShareLock') AS open`;
  return row!.open;
}

let staff: Actor;
let consultant: Actor;
let views: OverviewFilters[];
let teams: { id: string }[];
let projects: { id: string; teamId: string }[];
let ratings: { id: string }[];

beforeAll(async () => {
  await resetToSeed();
  staff = await actorFor("staff@example.org");
  consultant = await actorFor("consultant.colorado@example.org");
  const region = await prisma.region.findFirstOrThrow({ where: { slug: "colorado" }, select: { id: true } });
  const facility = await prisma.facility.findFirstOrThrow({ where: { regionId: region.id }, orderBy: { name: "asc" }, select: { id: true } });
  views = [
    { regionId: null, facilityId: null, compassPoint: null },
    { regionId: region.id, facilityId: null, compassPoint: "BEST_SERVICE" },
    { regionId: region.id, facilityId: facility.id, compassPoint: null },
  ];
  teams = await prisma.team.findMany({ where: { regionId: region.id, retiredQuarter: null }, select: { id: true }, orderBy: { code: "asc" }, take: 6 });
  projects = await prisma.project.findMany({ where: { teamId: { in: teams.map((team) => team.id) } }, select: { id: true, teamId: true }, orderBy: { id: "asc" }, take: 8 });
  ratings = await prisma.rating.findMany({
    where: { teamId: { in: teams.map((team) => team.id) }, quarter: { in: [SEED_QUARTER, addQuarters(SEED_QUARTER, -1)] }, kind: "QUARTERLY", level: { not: null } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  expect(ratings.length).toBeGreaterThan(2);
});

/** Every cached roll-up for every viewer and view, as handed out and as computed afresh. */
async function expectCachedEqualsComputed(step?: unknown): Promise<void> {
  const quarter = SEED_QUARTER;
  const since = addQuarters(quarter, -7);
  for (const actor of [staff, consultant]) {
    for (const filters of views) {
      if (actor === consultant && filters.regionId === null) continue; // refused: outside her region
      const calls: [string, { (...args: never[]): Promise<unknown>; uncached: (...args: never[]) => Promise<unknown> }, unknown[]][] = [
        ["regional table", getRegionalTable, [quarter, filters]],
        ["trend", getHighPerformingTrend, [filters]],
        ["movement", getMovementByRegion, [quarter, filters]],
        ["engagement", getEngagementByRegionAndLevel, [quarter, filters]],
        ["compass", getProjectsByCompassPoint, [quarter, filters]],
        ["savings", getSavingsBreakdown, [quarter, since, filters]],
        ["timeline", getSavingsTimeline, [since, quarter, filters]],
        ["practices", getTopPractices, [quarter, filters]],
        ["linkage", getLinkage, [quarter, filters]],
      ];
      for (const [name, figures, args] of calls) {
        const [cached, computed] = await Promise.all([figures(actor as never, ...(args as never[])), figures.uncached(actor as never, ...(args as never[]))]);
        expect(cached, `${name} ${JSON.stringify(filters)} after ${JSON.stringify(step)}`).toEqual(computed);
      }
    }
  }
}

const projectStatus = fc.constantFrom<ProjectStatus>("IDEA", "ACTIVE", "TESTING", "IMPLEMENTED", "SUSTAINED", "ABANDONED");
const write = fc.oneof(
  savingsWrite,
  fc.record({ kind: fc.constant("rerate" as const), rating: pick, level: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant("dispute" as const), rating: pick }),
  fc.record({ kind: fc.constant("start" as const), team: pick, status: projectStatus }),
  fc.record({ kind: fc.constant("restatus" as const), project: pick, status: projectStatus }),
  fc.record({ kind: fc.constant("drop-project" as const), project: pick }),
  fc.record({ kind: fc.constant("retire" as const), team: pick }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(step: Write): Promise<void> {
  switch (step.kind) {
    case "rerate":
      await prisma.rating.update({ where: { id: nth(ratings, step.rating)!.id }, data: { level: step.level, status: "FINAL" } });
      return;
    case "dispute":
      await prisma.rating.update({ where: { id: nth(ratings, step.rating)!.id }, data: { status: "DISPUTED" } });
      return;
    case "start":
      projects.push(
        await prisma.project.create({
          data: { teamId: nth(teams, step.team)!.id, title: "A new test of change", aim: "Fewer delays.", compassPoints: ["BEST_SERVICE"], status: step.status },
          select: { id: true, teamId: true },
        }),
      );
      return;
    case "restatus":
      await prisma.project.update({ where: { id: nth(projects, step.project)!.id }, data: { status: step.status } });
      return;
    case "drop-project":
      projects = await dropProject(projects, step.project);
      return;
    case "retire":
      await prisma.team.update({ where: { id: nth(teams, step.team)!.id }, data: { retiredQuarter: SEED_QUARTER } });
      return;
    default:
      return applySavingsWrite(step, projects);
  }
}

describe("the figures' version", () => {
  it("is raised by a change to every table the figures are read from, and by no other", async () => {
    const tables = await prisma.$queryRaw<{ table: string; watched: boolean }[]>`
      SELECT c.relname AS table,
             EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_figures_version_change') AS watched
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r'`;
    expect(tables.length).toBeGreaterThan(UNWATCHED.length);
    // A new table is watched unless it is added to both lists (here and in its migration) on purpose.
    expect(tables.filter((table) => !table.watched).map((table) => table.table).sort()).toEqual([...UNWATCHED].sort());
  });

  it("is drawn anew by a writing transaction at its first write, which holds the writers' lock to its end; not by a sign-in", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const before = await version();
      await client.query("BEGIN");
      await client.query(`UPDATE "Project" SET title = title || '.' WHERE id = ANY($1::uuid[])`, [projects.slice(0, 3).map((project) => project.id)]);
      await client.query(`UPDATE "Team" SET name = name WHERE id = $1`, [teams[0]!.id]);
      expect(await version()).toBe(before + 1n);
      expect(await writerOpen()).toBe(true);
      await client.query("COMMIT");
      expect(await writerOpen()).toBe(false);
      await client.query(`UPDATE "User" SET "lastSignInAt" = now()`);
      await client.query(`INSERT INTO "SignInAttempt" (id, email, address) VALUES (gen_random_uuid(), 'nobody@example.org', '127.0.0.1')`);
      expect(await version()).toBe(before + 1n);
    } finally {
      await client.end();
    }
  });
});

describe("cached roll-ups", () => {
  it("are computed once for callers asking at the same time, and handed out again while the version holds", async () => {
    const filters = views[0]!;
    const [first, second] = await Promise.all([getRegionalTable(staff, SEED_QUARTER, filters), getRegionalTable(staff, SEED_QUARTER, filters)]);
    expect(second).toBe(first);
    expect(await getRegionalTable(staff, SEED_QUARTER, filters)).toBe(first);
    // Another viewer's grants are another entry, even for the same figures.
    expect(await getRegionalTable(consultant, SEED_QUARTER, views[1]!)).not.toBe(first);
  });

  it("equal the figures computed afresh after every step of random sequences of writes", async () => {
    await expectCachedEqualsComputed();
    const steps = await checkAfterEveryWrite(write, { apply, check: expectCachedEqualsComputed, maxLength: 6, numRuns: 10, seed: 20261202 });
    expect(steps).toBeGreaterThanOrEqual(20);
  }, 240_000);

  it("are used but not kept while a writer is open, whose data the figures may not show yet", async () => {
    const filters = views[2]!;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`UPDATE "Team" SET name = name WHERE id = $1`, [teams[1]!.id]);
      const [first, second] = [await getRegionalTable(staff, SEED_QUARTER, filters), await getRegionalTable(staff, SEED_QUARTER, filters)];
      expect(second).not.toBe(first);
      expect(second).toEqual(first);
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    const kept = await getRegionalTable(staff, SEED_QUARTER, filters);
    expect(await getRegionalTable(staff, SEED_QUARTER, filters)).toBe(kept);
  });

  it("are computed afresh after a change written on another connection", async () => {
    const filters = views[0]!;
    const before = await getSavingsTimeline(staff, addQuarters(SEED_QUARTER, -7), SEED_QUARTER, filters);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const project = projects[0]!;
      await client.query(
        `INSERT INTO "SavingsEntry" (id, "projectId", "teamId", "amountCents", category, recurrence, "reportedOn", method, "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 123456, 'HARD_SAVINGS', 'ONE_TIME', $3::date, 'Invoices', now())`,
        [project.id, project.teamId, `${SEED_QUARTER.slice(0, 4)}-0${(Number(SEED_QUARTER.slice(-1)) - 1) * 3 + 1}-15`],
      );
    } finally {
      await client.end();
    }
    const after = await getSavingsTimeline(staff, addQuarters(SEED_QUARTER, -7), SEED_QUARTER, filters);
    const reported = (rows: typeof before) => rows.reduce((sum, row) => sum + row.reportedCents, 0);
    expect(reported(after) - reported(before)).toBe(123456);
  });
});
