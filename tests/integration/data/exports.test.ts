import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { exportAuditRows } from "@/lib/data/audit-log";
import { EXPORT_PAGE_SIZE } from "@/lib/data/pages";
import { exportProjectRows } from "@/lib/data/projects";
import { exportSavingsRows } from "@/lib/data/savings";
import { exportTeamDirectoryRows } from "@/lib/data/team-directory";
import { prisma } from "@/lib/db";
import { actorFor } from "@/tests/support/actors";
import { readAll } from "@/tests/support/csv-pages";
import { resetToSeed } from "@/tests/support/database";
import { SEED_NOW } from "@/tests/support/seed-clock";

/** The full exports read a page at a time, each after the last row of the one before: over many pages, every row once. */

let staff: PersonActor;
let admin: PersonActor;

beforeAll(async () => {
  await resetToSeed();
  staff = await actorFor("staff@example.org");
  admin = await actorFor("admin@example.org");
});

function expectEachOnce(ids: unknown[], count: number) {
  expect(ids).toHaveLength(count);
  expect(new Set(ids).size).toBe(count);
}

describe("paged exports over more than one page", () => {
  it("list every project once, grouped by team", async () => {
    const count = await prisma.project.count();
    expect(count).toBeGreaterThan(EXPORT_PAGE_SIZE);
    const { rows } = await readAll(exportProjectRows(staff, {}));
    expectEachOnce(rows.map((row) => row[0]), count);
    const teamCodes = rows.map((row) => row[1]);
    // Each team's projects together: a code never comes back once another has started.
    const runs = teamCodes.filter((code, index) => index === 0 || code !== teamCodes[index - 1]);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it("list every team once, by name", async () => {
    const count = await prisma.team.count();
    expect(count).toBeGreaterThan(EXPORT_PAGE_SIZE);
    const { rows } = await readAll(exportTeamDirectoryRows(staff, {}, SEED_NOW));
    expectEachOnce(rows.map((row) => row[0]), count);
    const names = rows.map((row) => String(row[1]));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("list every savings entry once, newest first, entries reported the same day and moment kept apart by id", async () => {
    // Enough entries to fill more than a page, all reported on one day and made in one statement (one createdAt).
    const project = await prisma.project.findFirstOrThrow({ orderBy: { id: "asc" } });
    await prisma.savingsEntry.createMany({
      data: Array.from({ length: EXPORT_PAGE_SIZE }, () => ({
        projectId: project.id,
        teamId: project.teamId,
        amountCents: 100,
        category: "HARD_SAVINGS" as const,
        recurrence: "ONE_TIME" as const,
        reportedOn: new Date("2025-03-03"),
        method: "Paged export test",
      })),
    });
    const count = await prisma.savingsEntry.count();
    expect(count).toBeGreaterThan(EXPORT_PAGE_SIZE);
    const { rows } = await readAll(exportSavingsRows(staff, {}));
    expectEachOnce(rows.map((row) => row[0]), count);
    const reported = rows.map((row) => String(row[10]));
    expect(reported).toEqual([...reported].sort().reverse());
  });

  it("list every audit entry once, newest first", async () => {
    const person = await prisma.person.findFirstOrThrow();
    await prisma.auditEntry.createMany({ data: Array.from({ length: EXPORT_PAGE_SIZE + 5 }, (_, index) => ({ action: "test.paged", entityType: "Person", entityId: person.id, reason: `Entry ${index}` })) });
    const count = await prisma.auditEntry.count();
    const { rows } = await readAll(exportAuditRows(admin, {}));
    expect(rows).toHaveLength(count);
    const times = rows.map((row) => String(row[0]));
    expect(times).toEqual([...times].sort().reverse());
  });
});
