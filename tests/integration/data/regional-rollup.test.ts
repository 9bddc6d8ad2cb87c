import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getHighPerformingTrend, getRatedQuarters, getRegionalTable } from "@/lib/data/regional-rollup";
import { currentQuarter, quarterRange } from "@/lib/domain/quarter";
import { ForbiddenError } from "@/lib/errors";
import { actorFor } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { SEED_NOW } from "@/tests/support/seed-clock";
import { PUBLISHED_2021_Q2, PUBLISHED_2021_Q2_TOTAL } from "@/tests/support/published-2021-q2";

describe("the seeded regional roll-up", () => {
  // The seed's own present: its quarter is the latest rated one, and only partly final.
  const now = SEED_NOW;
  beforeAll(() => resetToSeed());

  it("reproduces the published 2021-Q2 table through the data layer", async () => {
    const table = await getRegionalTable(await actorFor("staff@example.org"), "2021-Q2");
    expect(table.rows.map(({ name, rated, highPerforming, percent }) => ({ name, rated, highPerforming, percent }))).toEqual(PUBLISHED_2021_Q2);
    expect(table.total).toMatchObject(PUBLISHED_2021_Q2_TOTAL);
  });

  it("has final ratings for every quarter from 2019-Q1 to the current one", async () => {
    const quarters = await getRatedQuarters(await actorFor("admin@example.org"));
    expect([...quarters].reverse()).toEqual(quarterRange("2019-Q1", currentQuarter(now)));
  });

  it("shows movement between quarters, not a frozen copy of 2021-Q2", async () => {
    const staff = await actorFor("staff@example.org");
    const [before, after] = await Promise.all([getRegionalTable(staff, "2020-Q2"), getRegionalTable(staff, "2022-Q2")]);
    expect(before.total.highPerforming).not.toBe(2674);
    expect(after.total.highPerforming).not.toBe(2674);
    const moved = await prisma.$queryRaw<{ up: number; down: number }[]>`
      SELECT count(*) FILTER (WHERE b.level > a.level)::int AS up, count(*) FILTER (WHERE b.level < a.level)::int AS down
      FROM "Rating" a JOIN "Rating" b ON b."teamId" = a."teamId" AND b.kind = a.kind
      WHERE a.kind = 'QUARTERLY' AND a.quarter = '2021-Q1' AND b.quarter = '2021-Q2'`;
    expect(moved[0]!.up).toBeGreaterThan(0);
    expect(moved[0]!.down).toBeGreaterThan(0);
  });

  it("counts only final ratings in the current quarter", async () => {
    const quarter = currentQuarter(now);
    const table = await getRegionalTable(await actorFor("staff@example.org"), quarter);
    const finals = await prisma.rating.count({ where: { quarter, kind: "QUARTERLY", status: "FINAL" } });
    const all = await prisma.rating.count({ where: { quarter, kind: "QUARTERLY" } });
    expect(table.total.rated).toBe(finals);
    expect(finals).toBeLessThan(all);
    expect(table.total.rated).toBeLessThan(table.total.teams);
  });

  it("scopes a consultant to their region, in the table and the trend", async () => {
    const consultant = await actorFor("consultant.colorado@example.org");
    const table = await getRegionalTable(consultant, "2021-Q2");
    expect(table.rows.map((row) => row.name)).toEqual(["Colorado"]);
    expect(table.total).toMatchObject({ rated: 256, highPerforming: 188, percent: 73 });
    const trend = await getHighPerformingTrend(consultant);
    expect(new Set(trend.map((point) => point.regionId))).toEqual(new Set([table.rows[0]!.id]));
  });

  it("refuses co-leads and sponsors", async () => {
    for (const email of ["colead.labor@example.org", "colead.mgmt@example.org", "sponsor.union@example.org", "sponsor.mgmt@example.org"]) {
      const actor = await actorFor(email);
      await expect(getRegionalTable(actor, "2021-Q2"), email).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getHighPerformingTrend(actor), email).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
