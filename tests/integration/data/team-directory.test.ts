import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { exportTeamDirectoryRows, listTeamDirectory, TEAM_DIRECTORY_PAGE_SIZE, teamDirectoryCsvRow } from "@/lib/data/team-directory";
import { prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TeamDirectoryFilters } from "@/lib/validation/team-directory";
import { actorFor, couriersTeam, regionalAdminOf } from "@/tests/support/actors";
import { readAll } from "@/tests/support/csv-pages";
import { resetToSeed } from "@/tests/support/database";
import { SEED_NOW, SEED_QUARTER } from "@/tests/support/seed-clock";

let staff: Actor;
let consultant: Actor;
let laborColead: Actor;
let couriers: { id: string; code: string; regionId: string };
let colorado: { id: string; slug: string };

/** Every team the directory lists for the actor under the filters (all pages), by code. */
async function codesListed(actor: Actor, filters: TeamDirectoryFilters): Promise<string[]> {
  const { rows } = await readAll(exportTeamDirectoryRows(actor, filters, SEED_NOW));
  return rows.map((row) => row[0] as string).sort();
}

async function codesWhere(where: Prisma.TeamWhereInput): Promise<string[]> {
  return (await prisma.team.findMany({ where, select: { code: true } })).map((team) => team.code).sort();
}

/** Each team's latest final quarterly level, computed independently of the directory's SQL. */
async function latestFinalLevels(): Promise<Map<string, number | null>> {
  const ratings = await prisma.rating.findMany({
    where: { kind: "QUARTERLY", status: "FINAL" },
    select: { level: true, quarter: true, team: { select: { code: true } } },
    orderBy: { quarter: "asc" },
  });
  const latest = new Map<string, number | null>();
  for (const rating of ratings) latest.set(rating.team.code, rating.level);
  return latest;
}

beforeAll(async () => {
  await resetToSeed();
  staff = await actorFor("staff@example.org");
  consultant = await actorFor("consultant.colorado@example.org");
  laborColead = await actorFor("colead.labor@example.org");
  couriers = await couriersTeam();
  colorado = await prisma.region.findUniqueOrThrow({ where: { id: couriers.regionId }, select: { id: true, slug: true } });
});

describe("the team directory's scope", () => {
  it("lists every team for national LMP staff, a region's teams for its consultant and regional administrator, and a co-lead's own team", async () => {
    expect(await codesListed(staff, {})).toEqual(await codesWhere({}));
    const coloradoCodes = await codesWhere({ regionId: colorado.id });
    expect(await codesListed(consultant, {})).toEqual(coloradoCodes);
    expect(await codesListed(await regionalAdminOf(colorado.id), {})).toEqual(coloradoCodes);
    expect(await codesListed(laborColead, {})).toEqual([couriers.code]);
  });

  it("refuses someone whose roles reach no team, in the matrix's words", async () => {
    await expect(listTeamDirectory({ grants: [] }, {}, 1, SEED_NOW)).rejects.toThrow(ForbiddenError);
    await expect(readAll(exportTeamDirectoryRows({ grants: [] }, {}, SEED_NOW))).rejects.toThrow(/Only the team's co-leads and sponsors/);
  });
});

describe("the team directory's filters", () => {
  it("finds teams by part of a name, a code, a department or a facility, without leaving the scope", async () => {
    expect(await codesListed(staff, { q: "courier" })).toEqual(await codesWhere({ name: { contains: "courier", mode: "insensitive" } }));
    expect(await codesListed(staff, { q: couriers.code.toLowerCase() })).toEqual([couriers.code]);
    const department = await prisma.department.findFirstOrThrow({ where: { teams: { some: { id: couriers.id } } }, include: { facility: true } });
    expect(await codesListed(staff, { q: department.facility.name })).toEqual(
      await codesWhere({ OR: [{ name: { contains: department.facility.name, mode: "insensitive" } }, { department: { facilityId: department.facilityId } }] }),
    );
    expect(await codesListed(consultant, { q: "courier" })).toEqual(await codesWhere({ regionId: colorado.id, name: { contains: "courier", mode: "insensitive" } }));
    // "%" and "_" are themselves, not wildcards.
    expect(await codesListed(staff, { q: "%" })).toEqual([]);
  });

  it("narrows to a region and to a facility", async () => {
    const georgia = await prisma.region.findUniqueOrThrow({ where: { slug: "georgia" } });
    expect(await codesListed(staff, { region: "georgia" })).toEqual(await codesWhere({ regionId: georgia.id }));
    // A consultant asking for another region gets none of its teams.
    expect(await codesListed(consultant, { region: "georgia" })).toEqual([]);
    const facility = await prisma.facility.findFirstOrThrow({ where: { regionId: colorado.id, departments: { some: { teams: { some: {} } } } }, orderBy: { name: "asc" } });
    expect(await codesListed(consultant, { facility: facility.id })).toEqual(await codesWhere({ department: { facilityId: facility.id } }));
  });

  it("narrows to the level of each team's latest final rating, or to teams with none", async () => {
    const levels = await latestFinalLevels();
    const allCodes = await codesWhere({});
    for (const level of [1, 2, 3, 4, 5]) {
      expect(await codesListed(staff, { level }), `level ${level}`).toEqual(allCodes.filter((code) => levels.get(code) === level));
    }
    expect(await codesListed(staff, { level: "none" })).toEqual(allCodes.filter((code) => (levels.get(code) ?? null) === null));
  });

  it("narrows to this quarter's rating status, not started included", async () => {
    const ratings = await prisma.rating.findMany({ where: { quarter: SEED_QUARTER, kind: "QUARTERLY" }, select: { status: true, team: { select: { code: true } } } });
    for (const status of ["DRAFT", "AWAITING_SIGNOFF", "FINAL", "DISPUTED"] as const) {
      const expected = ratings.filter((rating) => rating.status === status).map((rating) => rating.team.code).sort();
      expect(await codesListed(staff, { ratingStatus: status }), status).toEqual(expected);
    }
    const rated = new Set(ratings.map((rating) => rating.team.code));
    expect(await codesListed(staff, { ratingStatus: "NOT_STARTED" })).toEqual((await codesWhere({})).filter((code) => !rated.has(code)));
    // The seed leaves the demo couriers team not started this quarter.
    expect(await codesListed(laborColead, { ratingStatus: "NOT_STARTED" })).toEqual([couriers.code]);
  });

  it("tells retired teams from active ones by the quarter they retire in", async () => {
    const [gone, leaving] = await prisma.team.findMany({ where: { regionId: colorado.id, id: { not: couriers.id } }, orderBy: { code: "asc" }, take: 2 });
    await prisma.team.update({ where: { id: gone!.id }, data: { retiredQuarter: SEED_QUARTER } });
    // Retiring next quarter: still operating this one.
    await prisma.team.update({ where: { id: leaving!.id }, data: { retiredQuarter: "2026-Q4" } });
    try {
      expect(await codesListed(consultant, { lifecycle: "retired" })).toEqual([gone!.code]);
      const active = await codesListed(consultant, { lifecycle: "active" });
      expect(active).toContain(leaving!.code);
      expect(active).not.toContain(gone!.code);
      expect(active).toHaveLength((await codesWhere({ regionId: colorado.id })).length - 1);
    } finally {
      await prisma.team.updateMany({ where: { id: { in: [gone!.id, leaving!.id] } }, data: { retiredQuarter: null } });
    }
  });

  it("combines filters", async () => {
    const levels = await latestFinalLevels();
    const expected = (await codesWhere({ regionId: colorado.id })).filter((code) => levels.get(code) === 4);
    expect(await codesListed(staff, { region: colorado.slug, level: 4 })).toEqual(expected);
  });
});

describe("the team directory's pages and CSV", () => {
  it("pages fifty at a time, without overlap, and counts every match", async () => {
    const first = await listTeamDirectory(staff, {}, 1, SEED_NOW);
    const second = await listTeamDirectory(staff, {}, 2, SEED_NOW);
    expect(first.count).toBe(await prisma.team.count());
    expect(first.rows).toHaveLength(TEAM_DIRECTORY_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(first.count / TEAM_DIRECTORY_PAGE_SIZE));
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(2 * TEAM_DIRECTORY_PAGE_SIZE);
    expect((await listTeamDirectory(staff, {}, first.pageCount + 1, SEED_NOW)).rows).toEqual([]);
  });

  it("writes as CSV exactly the rows the page shows, under the same filters", async () => {
    const filters: TeamDirectoryFilters = { q: "courier" };
    const page = await listTeamDirectory(consultant, filters, 1, SEED_NOW);
    expect(page.count).toBeGreaterThan(0);
    expect(page.pageCount).toBe(1);
    const { rows: csv } = await readAll(exportTeamDirectoryRows(consultant, filters, SEED_NOW));
    expect(csv).toEqual(page.rows.map((row) => teamDirectoryCsvRow(row, page.quarter, SEED_NOW)));
    expect(csv[0]).toHaveLength(10);
  });
});
