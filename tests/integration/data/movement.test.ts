import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { getMovementByRegion, getRegionMovement, getRegionRatedQuarters, MOVEMENT_LIST_PAGE_SIZE } from "@/lib/data/movement";
import type { RatingKind, RatingStatus } from "@/lib/generated/prisma/enums";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { truncateAllTables } from "@/tests/support/database";

/**
 * A small hand-built region, so every expected number below can be checked by eye.
 * Levels are [2021-Q1, 2021-Q2] final quarterly ratings; null = no final rating.
 */
const FRONT_RANGE_TEAMS = {
  "FR-01": [2, 3], // up one level
  "FR-02": [2, 4], // up two levels
  "FR-03": [3, 3], // same
  "FR-04": [1, 1], // same
  "FR-05": [5, 5], // same
  "FR-06": [4, 3], // down
  "FR-07": [null, 2], // newly rated (its Q1 self-assessment must not count)
  "FR-08": [3, null], // not yet rated in Q2 (its Q2 draft must not count)
} as const;

let frontRange: { id: string; slug: string };
let plains: { id: string };
const teamIds = new Map<string, string>();

async function buildFixture(): Promise<void> {
  await truncateAllTables();
  const criteriaSet = await prisma.criteriaSet.create({ data: { version: 1, name: "Test criteria", status: "PUBLISHED" } });
  frontRange = await prisma.region.create({ data: { slug: "front-range", name: "Front Range", sortOrder: 1 } });
  plains = await prisma.region.create({ data: { slug: "plains", name: "Plains", sortOrder: 2 } });

  const addTeam = async (regionId: string, code: string) => {
    const facility = await prisma.facility.upsert({
      where: { regionId_name: { regionId, name: "Main Campus" } },
      update: {},
      create: { regionId, name: "Main Campus" },
    });
    const department = await prisma.department.upsert({
      where: { facilityId_name: { facilityId: facility.id, name: "Pharmacy" } },
      update: {},
      create: { facilityId: facility.id, regionId, name: "Pharmacy", type: "PHARMACY" },
    });
    const team = await prisma.team.create({
      data: { code, name: `Team ${code}`, regionId, departmentId: department.id, charteredQuarter: "2018-Q1" },
    });
    teamIds.set(code, team.id);
    return team.id;
  };
  const rate = (teamId: string, quarter: string, level: number, status: RatingStatus = "FINAL", kind: RatingKind = "QUARTERLY") =>
    prisma.rating.create({ data: { teamId, quarter, level, status, kind, criteriaSetId: criteriaSet.id } });

  // Made in reverse code order, so only an ORDER BY lists them by code.
  for (const [code, [q1, q2]] of Object.entries(FRONT_RANGE_TEAMS).reverse()) {
    const teamId = await addTeam(frontRange.id, code);
    if (q1 !== null) await rate(teamId, "2021-Q1", q1);
    if (q2 !== null) await rate(teamId, "2021-Q2", q2);
  }
  await rate(teamIds.get("FR-07")!, "2021-Q1", 1, "FINAL", "SELF_ASSESSMENT");
  await rate(teamIds.get("FR-08")!, "2021-Q2", 5, "DRAFT");

  // Another region's team, which must stay out of Front Range's figures.
  const plainsTeam = await addTeam(plains.id, "PL-01");
  await rate(plainsTeam, "2021-Q1", 3);
  await rate(plainsTeam, "2021-Q2", 2);
}

const staff: Actor = { grants: [{ role: "LMP_STAFF", teamId: null, regionId: null }] };
const frontRangeConsultant = (): Actor => ({ grants: [{ role: "CONSULTANT", teamId: null, regionId: frontRange.id }] });
const plainsConsultant = (): Actor => ({ grants: [{ role: "CONSULTANT", teamId: null, regionId: plains.id }] });
const codes = (teams: readonly { code: string }[]) => teams.map((team) => team.code);

describe("movement between quarters", () => {
  beforeAll(buildFixture);

  it("counts up, same and down among teams rated in both quarters, with whole-percent shares", async () => {
    const movement = await getRegionMovement(staff, "front-range", "2021-Q2");
    expect(movement.region).toEqual({ id: frontRange.id, slug: "front-range", name: "Front Range" });
    expect(movement.previousQuarter).toBe("2021-Q1");
    expect(movement.figures).toEqual({
      ratedPrevious: 7,
      ratedCurrent: 7,
      ratedBoth: 6,
      up: { count: 2, percent: 33 },
      same: { count: 3, percent: 50 },
      down: { count: 1, percent: 17 },
      newlyRated: 1,
      notYetRated: 1,
    });
  });

  it("lists the teams behind each number by code, with both levels and the change", async () => {
    const { lists, pageSize } = await getRegionMovement(staff, frontRange.id, "2021-Q2");
    expect(pageSize).toBe(MOVEMENT_LIST_PAGE_SIZE);
    expect(codes(lists.up.teams)).toEqual(["FR-01", "FR-02"]);
    expect(codes(lists.same.teams)).toEqual(["FR-03", "FR-04", "FR-05"]);
    expect(codes(lists.down.teams)).toEqual(["FR-06"]);
    expect(codes(lists.newlyRated.teams)).toEqual(["FR-07"]);
    expect(codes(lists.notYetRated.teams)).toEqual(["FR-08"]);
    expect(lists.same).toMatchObject({ count: 3, page: 1, pageCount: 1 });
    expect(lists.up.teams[1]).toMatchObject({
      teamId: teamIds.get("FR-02"),
      name: "Team FR-02",
      previousLevel: 2,
      level: 4,
      change: { direction: "up", levels: 2 },
    });
    expect(lists.notYetRated.teams[0]).toMatchObject({ previousLevel: 3, level: null });
  });

  it("counts the figures over the whole region when the lists are cut to a page", async () => {
    const whole = await getRegionMovement(staff, "front-range", "2021-Q2");
    const cut = await getRegionMovement(staff, "front-range", "2021-Q2", { pageSize: 1 });
    expect(cut.figures).toEqual(whole.figures);
    expect(cut.pageSize).toBe(1);
    expect(cut.lists.up).toEqual({ teams: [whole.lists.up.teams[0]], count: 2, page: 1, pageCount: 2 });
    expect(cut.lists.same).toEqual({ teams: [whole.lists.same.teams[0]], count: 3, page: 1, pageCount: 3 });
    expect(cut.lists.down).toEqual({ ...whole.lists.down, pageCount: 1 });
  });

  it("shows no more teams in any list than the page size", async () => {
    const { lists } = await getRegionMovement(staff, "front-range", "2021-Q2", { pageSize: 2 });
    expect(Object.values(lists).map((list) => list.teams.length)).toEqual([2, 2, 1, 1, 1]);
    expect([lists.up.pageCount, lists.same.pageCount]).toEqual([1, 2]);
  });

  it("starts page 2 of a list after page 1 in code order, leaving the other lists on their first page", async () => {
    const first = await getRegionMovement(staff, "front-range", "2021-Q2", { pageSize: 2 });
    const second = await getRegionMovement(staff, "front-range", "2021-Q2", { list: "same", page: 2, pageSize: 2 });
    expect(codes(first.lists.same.teams)).toEqual(["FR-03", "FR-04"]);
    expect(codes(second.lists.same.teams)).toEqual(["FR-05"]);
    expect(second.lists.same).toMatchObject({ count: 3, page: 2, pageCount: 2 });
    expect(second.lists.up).toEqual(first.lists.up);
    expect(second.figures).toEqual(first.figures);
  });

  it("has no teams on a page past a list's last, and still counts the list", async () => {
    const { lists } = await getRegionMovement(staff, "front-range", "2021-Q2", { list: "up", page: 3, pageSize: 2 });
    expect(lists.up).toEqual({ teams: [], count: 2, page: 3, pageCount: 1 });
  });

  it("has nothing to compare when the previous quarter has no final ratings", async () => {
    const { figures, lists } = await getRegionMovement(staff, "front-range", "2021-Q1");
    expect(codes(lists.newlyRated.teams)).toEqual(["FR-01", "FR-02", "FR-03", "FR-04", "FR-05", "FR-06", "FR-08"]);
    expect(figures).toMatchObject({ ratedPrevious: 0, ratedBoth: 0, ratedCurrent: 7, newlyRated: 7, up: { count: 0, percent: null } });
  });

  it("lists the quarters the region has final ratings for, newest first", async () => {
    expect(await getRegionRatedQuarters(staff, "front-range")).toEqual({
      region: { id: frontRange.id, slug: "front-range", name: "Front Range" },
      quarters: ["2021-Q2", "2021-Q1"],
    });
  });

  it("gives every region in scope its figures", async () => {
    const all = await getMovementByRegion(staff, "2021-Q2");
    expect(all.regions.map((region) => [region.slug, region.figures.ratedBoth, region.figures.down.count])).toEqual([
      ["front-range", 6, 1],
      ["plains", 1, 1],
    ]);
    // Counted by the same SQL as the region's own page.
    expect(all.regions[0]!.figures).toEqual((await getRegionMovement(staff, "front-range", "2021-Q2")).figures);
    const scoped = await getMovementByRegion(plainsConsultant(), "2021-Q2");
    expect(scoped.regions.map((region) => region.slug)).toEqual(["plains"]);
    expect(scoped.regions[0]!.figures).toMatchObject({ ratedBoth: 1, down: { count: 1, percent: 100 } });
  });

  it("lets a consultant see their own region only", async () => {
    await expect(getRegionMovement(frontRangeConsultant(), "front-range", "2021-Q2")).resolves.toMatchObject({ figures: { ratedBoth: 6 } });
    await expect(getRegionMovement(plainsConsultant(), "front-range", "2021-Q2")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getRegionRatedQuarters(plainsConsultant(), "front-range")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses co-leads and sponsors, even of a team in the region", async () => {
    for (const role of ["LABOR_COLEAD", "UNION_SPONSOR"] as const) {
      const actor: Actor = { grants: [{ role, teamId: teamIds.get("FR-01")!, regionId: null }] };
      await expect(getRegionMovement(actor, "front-range", "2021-Q2"), role).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getMovementByRegion(actor, "2021-Q2"), role).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("answers an unknown region with NotFoundError", async () => {
    await expect(getRegionMovement(staff, "atlantis", "2021-Q2")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRegionMovement(staff, "00000000-0000-4000-8000-000000000000", "2021-Q2")).rejects.toBeInstanceOf(NotFoundError);
  });
});
