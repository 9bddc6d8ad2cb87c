import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getHighPerformingTrend, getRegionalTable } from "@/lib/data/regional-rollup";
import { prisma } from "@/lib/db";
import { currentQuarter, previousQuarter, quarterRange } from "@/lib/domain/quarter";
import { actorFor } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { csvFile, importFootprint, runImport } from "@/tests/support/imports";

const TEAMS = 30;
const codes = Array.from({ length: TEAMS }, (_, index) => `HIST-${index + 1}`);

let admin: PersonActor;
let colorado: { id: string };

/** Levels for the history: half the teams high performing (4 or 5), the rest at 2. */
function levelOf(teamIndex: number) {
  return teamIndex % 2 === 0 ? 4 + (teamIndex % 4 === 0 ? 1 : 0) : 2;
}

beforeAll(async () => {
  await resetToSeed();
  admin = await actorFor("admin@example.org");
  colorado = await prisma.region.findUniqueOrThrow({ where: { slug: "colorado" } });
  const teams = codes.map((code, index) => ["colorado", "History Medical Center", "Pharmacy", "PHARMACY", code, `History team ${index + 1}`, "", "2021-Q1", index === 0 ? "2022-Q1" : ""]);
  const result = await runImport(admin, "organisation", "import", csvFile("organisation", teams));
  expect(result.errors).toEqual([]);
});

describe("importing historical ratings", () => {
  it("creates final quarterly ratings that the regional table and the trend count", async () => {
    const quarter = "2021-Q2";
    const tableBefore = await getRegionalTable(admin, quarter);
    const trendBefore = await getHighPerformingTrend(admin, { regionId: colorado.id });

    const rows = codes.flatMap((code, index) =>
      ["2021-Q1", "2021-Q2"].map((q) => {
        const level = levelOf(index);
        // Every other team's rows carry the seven dimension levels; the lowest is the level.
        const dimensions = index % 3 === 0 ? [level, level + (level < 5 ? 1 : 0), 5, 5, level, 5, 5] : Array(7).fill("");
        return [code, q, level, ...dimensions];
      }),
    );
    const result = await runImport(admin, "ratings", "import", csvFile("ratings", rows), "history.csv");
    expect(result.errors).toEqual([]);
    expect(result.tallies.ratings).toEqual({ created: 60, updated: 0, unchanged: 0 });

    const highPerforming = codes.filter((_, index) => levelOf(index) >= 4).length;
    const tableAfter = await getRegionalTable(admin, quarter);
    const row = (table: typeof tableAfter) => table.rows.find((r) => r.id === colorado.id)!;
    expect(row(tableAfter).rated - row(tableBefore).rated).toBe(TEAMS);
    expect(row(tableAfter).highPerforming - row(tableBefore).highPerforming).toBe(highPerforming);

    const trendAfter = await getHighPerformingTrend(admin, { regionId: colorado.id });
    const point = (trend: typeof trendAfter) => trend.find((p) => p.quarter === quarter)!;
    expect(point(trendAfter).rated - point(trendBefore).rated).toBe(TEAMS);
    expect(point(trendAfter).highPerforming - point(trendBefore).highPerforming).toBe(highPerforming);

    const rating = await prisma.rating.findFirstOrThrow({
      where: { team: { code: "HIST-1" }, quarter: "2021-Q2" },
      include: { dimensions: { orderBy: { dimension: "asc" } }, criteriaSet: true },
    });
    expect(rating).toMatchObject({ kind: "QUARTERLY", status: "FINAL", level: 5, createdById: admin.personId, finalizedAt: new Date("2021-06-30T00:00:00Z") });
    expect(rating.criteriaSet.status).toBe("PUBLISHED");
    expect(rating.dimensions.map((d) => d.level)).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(await prisma.ratingDimension.count({ where: { rating: { team: { code: "HIST-2" } } } })).toBe(0);
    expect(await prisma.auditEntry.count({ where: { action: "rating.imported", reason: "Imported from history.csv" } })).toBe(60);
  });

  it("leaves an identical rating alone and replaces an earlier import's, with the old one in the audit", async () => {
    const before = await importFootprint();
    const same = await runImport(admin, "ratings", "import", csvFile("ratings", [["HIST-2", "2021-Q2", 2]]));
    expect(same.tallies.ratings).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await importFootprint()).toEqual(before);

    const changed = await runImport(admin, "ratings", "import", csvFile("ratings", [["HIST-2", "2021-Q2", 3, 3, 3, 3, 3, 3, 3, 4]]), "corrected.csv");
    expect(changed.tallies.ratings).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const rating = await prisma.rating.findFirstOrThrow({ where: { team: { code: "HIST-2" }, quarter: "2021-Q2" }, include: { dimensions: true } });
    expect(rating).toMatchObject({ level: 3, version: 2, status: "FINAL" });
    expect(rating.dimensions).toHaveLength(7);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "rating.imported", entityId: rating.id, reason: "Imported from corrected.csv" } });
    expect(entry.before).toMatchObject({ level: 2, dimensions: null });
    expect(entry.after).toMatchObject({ level: 3, dimensions: { GOALS_AND_PERFORMANCE: 4, SPONSORSHIP: 3 } });
  });

  it("never overwrites a rating signed in the app, and keeps to the quarters the team operated in before this one", async () => {
    const signed = await prisma.rating.findFirstOrThrow({
      where: { kind: "QUARTERLY", status: "FINAL", quarter: "2021-Q2", signoffs: { some: {} }, team: { retiredQuarter: null } },
      include: { team: true },
    });
    const otherLevel = signed.level === 5 ? 4 : 5;
    const now = currentQuarter();
    const rows = [
      [signed.team.code, "2021-Q2", signed.level], // identical: unchanged
      [signed.team.code, "2021-Q2", otherLevel], // row 3: the same key again
      ["HIST-3", now, 3], // row 4: the current quarter
      ["HIST-3", "2020-Q4", 3], // row 5: before the charter
      ["HIST-1", "2022-Q1", 3], // row 6: retired from 2022-Q1
      ["HIST-4", previousQuarter(now), 3, 3, 3, 3, 3, 3, 3, ""], // row 7: six of seven dimensions
      ["HIST-5", "2021-Q3", 4, 3, 3, 3, 3, 3, 3, 3], // row 8: level above the lowest dimension
      ["NOPE-1", "2021-Q3", 3], // row 9
    ];
    const before = await importFootprint();
    const result = await runImport(admin, "ratings", "import", csvFile("ratings", rows));
    expect(result.written).toBe(false);
    expect(result.errors.map(({ row, column }) => [row, column])).toEqual([
      [3, "quarter"],
      [4, "quarter"],
      [5, "quarter"],
      [6, "quarter"],
      [7, "goals_and_performance"],
      [8, "level"],
      [9, "team_code"],
    ]);
    expect(result.errors[0]!.message).toMatch(/^Row 2 also rates team/);
    expect(result.errors[1]!.message).toMatch(/^Only quarters before the current one/);
    expect(result.errors[2]!.message).toBe("Team HIST-3 was chartered in 2021-Q1, after 2020-Q4");
    expect(result.errors[3]!.message).toBe("Team HIST-1 retired in 2022-Q1, so it has no rating for 2022-Q1");
    expect(result.errors[5]!.message).toMatch(/lowest dimension level, 3/);
    expect(await importFootprint()).toEqual(before);

    const overwrite = await runImport(admin, "ratings", "preview", csvFile("ratings", [[signed.team.code, "2021-Q2", otherLevel]]));
    expect(overwrite.errors).toEqual([
      { row: 2, column: "quarter", message: `Team ${signed.team.code}'s rating for 2021-Q2 was rated and signed in the app: an import never overwrites it` },
    ]);
  });

  it("takes a history of every closed quarter since the charter", async () => {
    const quarters = quarterRange("2021-Q3", previousQuarter(currentQuarter()));
    const result = await runImport(admin, "ratings", "import", csvFile("ratings", quarters.map((q) => ["HIST-6", q, 3])));
    expect(result.errors).toEqual([]);
    expect(result.tallies.ratings!.created).toBe(quarters.length);
  });
});
