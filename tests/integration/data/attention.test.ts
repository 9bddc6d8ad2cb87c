import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getTeamsNeedingAttention, STUCK_LOOKBACK_QUARTERS } from "@/lib/data/attention";
import { movementTeamsSql, type MovementTeam } from "@/lib/data/movement";
import { prisma } from "@/lib/db";
import { summariseMovement } from "@/lib/domain/movement";
import { isStuck, sameLevelRun } from "@/lib/domain/overview";
import { addQuarters, quarterRange, type Quarter } from "@/lib/domain/quarter";
import { attentionCsv, attentionTables } from "@/lib/reports/overview-tables";
import { tableCsvRows } from "@/lib/reports/table-model";
import { actorFor } from "@/tests/support/actors";
import { readAll } from "@/tests/support/csv-pages";
import { resetToSeed } from "@/tests/support/database";
import { SEED_NOW } from "@/tests/support/seed-clock";

/** The worklist counts in SQL; on the whole seed it must give what the domain's rules give on the raw ratings. */

let staff: PersonActor;
let consultant: PersonActor;

beforeAll(async () => {
  await resetToSeed();
  staff = await actorFor("staff@example.org");
  consultant = await actorFor("consultant.colorado@example.org");
});

async function stuckByTheRule(ratedQuarter: Quarter, regionIds: string[] | null) {
  const quarters = quarterRange(addQuarters(ratedQuarter, 1 - STUCK_LOOKBACK_QUARTERS), ratedQuarter).reverse();
  const teams = await prisma.team.findMany({
    where: {
      ...(regionIds && { regionId: { in: regionIds } }),
      charteredQuarter: { lte: ratedQuarter },
      OR: [{ retiredQuarter: null }, { retiredQuarter: { gt: ratedQuarter } }],
    },
    select: { id: true, ratings: { where: { kind: "QUARTERLY", status: "FINAL", quarter: { in: quarters } }, select: { quarter: true, level: true } } },
  });
  return teams
    .map((team) => ({ teamId: team.id, run: sameLevelRun(quarters.map((quarter) => team.ratings.find((rating) => rating.quarter === quarter)?.level ?? null)) }))
    .filter(({ run }) => isStuck(run))
    .map(({ teamId, run }) => ({ teamId, level: run!.level, quarters: run!.quarters }))
    .sort((a, b) => a.teamId.localeCompare(b.teamId));
}

describe("the consultant's worklist on the whole seed", () => {
  for (const [who, actor, regionIds] of [
    ["national staff", () => staff, async () => null],
    ["a regional consultant", () => consultant, async () => [(await prisma.region.findUniqueOrThrow({ where: { slug: "colorado" } })).id]],
  ] as const) {
    it(`counts stuck and moved-down teams as the domain's rules do, for ${who}`, async () => {
      const attention = await getTeamsNeedingAttention(actor(), SEED_NOW, { limit: Infinity });
      const ratedQuarter = attention.ratedQuarter!;
      expect(ratedQuarter).not.toBeNull();
      const regions = await regionIds();

      const stuck = await stuckByTheRule(ratedQuarter, regions);
      expect(stuck.length).toBeGreaterThan(10);
      expect(attention.stuck.count).toBe(stuck.length);
      expect(attention.stuck.items.map(({ teamId, level, quarters }) => ({ teamId, level, quarters })).sort((a, b) => a.teamId.localeCompare(b.teamId))).toEqual(stuck);

      const allRegions = regions ?? (await prisma.region.findMany({ select: { id: true } })).map((region) => region.id);
      const down = summariseMovement(await prisma.$queryRaw<MovementTeam[]>`${movementTeamsSql(allRegions, ratedQuarter)} ORDER BY t.code`).down;
      expect(down.length).toBeGreaterThan(0);
      expect(attention.movedDown).toEqual({ count: down.length, items: down });

      // A short list keeps every count and the first items of each list, in their order.
      const short = await getTeamsNeedingAttention(actor(), SEED_NOW, { limit: 3 });
      for (const list of ["stuck", "movedDown", "staleProjects", "notStarted"] as const) {
        expect(short[list].count, list).toBe(attention[list].count);
        expect(short[list].items, list).toEqual(attention[list].items.slice(0, 3));
      }
      expect(short.stuck.count).toBeGreaterThan(3);
    });
  }

  it("streams each list's CSV complete, in the list's order, across page boundaries", async () => {
    const attention = await getTeamsNeedingAttention(staff, SEED_NOW, { limit: Infinity });
    const tables = attentionTables(attention);
    // The first page is 100 rows (lib/data/pages.ts): these lists cross it, ties in their first order column included.
    expect(attention.staleProjects.count).toBeGreaterThan(100);
    expect(attention.notStarted.count).toBeGreaterThan(100);
    expect(attention.stuck.count).toBeGreaterThan(100);
    for (const id of ["stuck", "moved-down", "stale-projects", "not-started"] as const) {
      const csv = await readAll(await attentionCsv(staff, id, SEED_NOW));
      const expected = tableCsvRows(tables[id]);
      expect(csv.headers, id).toEqual(expected.headers);
      expect(csv.rows, id).toEqual(expected.rows);
    }
  });

  it("streams only the consultant's region", async () => {
    const csv = await readAll(await attentionCsv(consultant, "not-started", SEED_NOW));
    expect(csv.rows.length).toBeGreaterThan(0);
    expect(new Set(csv.rows.map((row) => row[1]))).toEqual(new Set(["Colorado"]));
  });
});
