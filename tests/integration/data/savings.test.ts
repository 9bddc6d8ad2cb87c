import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getSavingsBreakdown, type SavingsBreakdown } from "@/lib/data/overview";
import { exportSavingsRows, getProjectSavings, getSavingsReviewRegions, getTeamSavingsTotals, LEDGER_PAGE_SIZE, listSavingsForReview } from "@/lib/data/savings";
import { prisma } from "@/lib/db";
import { quarterBounds, type Quarter } from "@/lib/domain/quarter";
import { totalSavings, type SavingsTotals } from "@/lib/domain/savings";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import * as savings from "@/lib/services/savings";
import { rejectSavingsSchema, reportSavingsSchema, validateSavingsSchema } from "@/lib/validation/savings";
import { asSubmitted } from "@/tests/support/as-submitted";
import { actorFor, actorWithAssignment } from "@/tests/support/actors";
import { readAll } from "@/tests/support/csv-pages";
import { resetToSeed } from "@/tests/support/database";
import { SEED_NOW, SEED_QUARTER } from "@/tests/support/seed-clock";

const reportSavings = asSubmitted(reportSavingsSchema, savings.reportSavings);
const validateSavings = asSubmitted(validateSavingsSchema, savings.validateSavings);
const rejectSavings = asSubmitted(rejectSavingsSchema, savings.rejectSavings);

let couriers: { id: string; code: string; regionId: string };
let georgiaId: string;
let projectId: string;
let actors: Record<string, PersonActor>;

const CSV_COLUMNS = { id: 0, teamCode: 1, region: 3, status: 11 } as const;

async function report(amount: string, reportedOn = "2025-01-15") {
  return reportSavings(actors.laborColead!, {
    projectId,
    amount,
    category: "COST_AVOIDANCE",
    recurrence: "ONE_TIME",
    reportedOn,
    method: "Outsourcing quote minus in-house cost.",
  });
}

// Early enough that "cumulative since" covers every entry of the seed and of these tests.
const SINCE: Quarter = "2000-Q1";
const EVERY_PLACE = { regionId: null, facilityId: null, compassPoint: null };

type Figures = { reported: number; validated: number };

/**
 * The national roll-up by region, since SINCE: the overview's savings table, for the
 * seed's current quarter (no entry of the seed or of these tests is reported later).
 */
function savingsByRegion(actor: PersonActor): Promise<SavingsBreakdown> {
  return getSavingsBreakdown(actor, SEED_QUARTER, SINCE, EVERY_PLACE);
}

function teamFigures(totals: SavingsTotals): Figures {
  return { reported: totals.reported.totalCents, validated: totals.validated.totalCents };
}

function placeFigures(place: SavingsBreakdown["total"]): Figures {
  return { reported: place.cumulativeReportedCents, validated: place.cumulativeValidatedCents };
}

/** How much each figure moved between two roll-ups. */
function growth(before: Figures, after: Figures): Figures {
  return { reported: after.reported - before.reported, validated: after.validated - before.validated };
}

beforeAll(async () => {
  await resetToSeed();
  couriers = await prisma.team.findFirstOrThrow({
    where: { roleAssignments: { some: { person: { email: "colead.labor@example.org" }, role: "LABOR_COLEAD" } } },
    select: { id: true, code: true, regionId: true },
  });
  georgiaId = (await prisma.region.findUniqueOrThrow({ where: { name: "Georgia" } })).id;
  projectId = (
    await prisma.project.create({
      data: { teamId: couriers.id, title: "Keep tire service in-house", aim: "Avoid the tire service contract this year", compassPoints: ["MOST_AFFORDABLE"] },
    })
  ).id;
  actors = {
    staff: await actorFor("staff@example.org"),
    admin: await actorFor("admin@example.org"),
    finance: await actorFor("finance@example.org"),
    consultant: await actorFor("consultant.colorado@example.org"),
    unionSponsor: await actorFor("sponsor.union@example.org"),
    laborColead: await actorFor("colead.labor@example.org"),
    managementColead: await actorFor("colead.mgmt@example.org"),
    georgiaConsultant: await actorWithAssignment({ role: "CONSULTANT", regionId: georgiaId }),
    georgiaStaff: await actorWithAssignment({ role: "LMP_STAFF", regionId: georgiaId }),
  };
});

describe("team and region totals", () => {
  it("grow by exactly the amount reported, then by exactly the amount validated", async () => {
    const read = async () => {
      const [team, byRegion] = await Promise.all([getTeamSavingsTotals(actors.laborColead!, couriers.id), savingsByRegion(actors.staff!)]);
      const region = byRegion.rows.find((row) => row.id === couriers.regionId)!;
      return [teamFigures(team), placeFigures(region), placeFigures(byRegion.total)];
    };
    const initial = await read();

    const { entryId } = await report("12,345.67");
    const reported = await read();
    reported.forEach((figures, index) => expect(growth(initial[index]!, figures)).toEqual({ reported: 1_234_567, validated: 0 }));

    await validateSavings(actors.finance!, { entryId, expectedVersion: 1 });
    const validated = await read();
    validated.forEach((figures, index) => expect(growth(reported[index]!, figures)).toEqual({ reported: 0, validated: 1_234_567 }));
  });

  it("sum in SQL to the same figures as the domain's roll-up of the same entries", async () => {
    const entries = await prisma.savingsEntry.findMany({ where: { team: { regionId: couriers.regionId } } });
    expect(entries.some((entry) => entry.status === "REJECTED")).toBe(true);
    const colorado = (await savingsByRegion(actors.consultant!)).rows.find((row) => row.id === couriers.regionId)!;
    expect(placeFigures(colorado)).toEqual(teamFigures(totalSavings(entries)));
    const teamEntries = entries.filter((entry) => entry.teamId === couriers.id);
    expect(await getTeamSavingsTotals(actors.staff!, couriers.id)).toEqual(totalSavings(teamEntries));
  });

  it("list every region in scope, adding up to the national total", async () => {
    const national = await savingsByRegion(actors.staff!);
    expect(national.rows).toHaveLength(await prisma.region.count());
    expect(placeFigures(national.total)).toEqual(teamFigures(totalSavings(await prisma.savingsEntry.findMany())));
    expect(national.total.cumulativeValidatedCents).toBeLessThanOrEqual(national.total.cumulativeReportedCents);

    const colorado = await savingsByRegion(actors.consultant!);
    expect(colorado.rows.map((row) => row.id)).toEqual([couriers.regionId]);
  });

  it("never credit an adopter with the origin's savings", async () => {
    const origin = await prisma.project.findFirstOrThrow({
      where: { team: { regionId: { not: couriers.regionId } }, savingsEntries: { some: { status: "VALIDATED" } } },
      select: { id: true, teamId: true },
    });
    const [couriersBefore, originBefore] = await Promise.all([
      getTeamSavingsTotals(actors.staff!, couriers.id),
      getTeamSavingsTotals(actors.staff!, origin.teamId),
    ]);
    const adopter = await prisma.project.create({
      data: { teamId: couriers.id, title: "Adopted practice", aim: "Adopt the practice", compassPoints: ["MOST_AFFORDABLE"] },
    });
    await prisma.spreadLink.create({ data: { originProjectId: origin.id, adopterProjectId: adopter.id, adopterTeamId: couriers.id } });

    expect(await getTeamSavingsTotals(actors.staff!, couriers.id)).toEqual(couriersBefore);
    expect(await getTeamSavingsTotals(actors.staff!, origin.teamId)).toEqual(originBefore);
  });

  it("are open to whoever may see the team or the region's roll-up", async () => {
    await expect(getTeamSavingsTotals(actors.georgiaConsultant!, couriers.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getTeamSavingsTotals(actors.unionSponsor!, couriers.id)).resolves.toBeDefined();
    for (const name of ["laborColead", "unionSponsor", "finance"]) {
      await expect(savingsByRegion(actors[name]!), name).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("a project's savings", () => {
  it("lists its entries, newest report first, with reported and validated totals", async () => {
    // A project of its own, so the entries and their totals are known exactly.
    const ownProject = await prisma.project.create({
      data: { teamId: couriers.id, title: "Share the van fleet", aim: "Fewer rented vans", compassPoints: ["MOST_AFFORDABLE"] },
    });
    const reportOn = (amount: string, reportedOn: string) =>
      reportSavings(actors.laborColead!, { projectId: ownProject.id, amount, category: "COST_AVOIDANCE", recurrence: "ONE_TIME", reportedOn, method: "Rental invoices." });
    const validated = await reportOn("300.00", "2025-03-01");
    const rejected = await reportOn("50.00", "2025-05-01");
    const reported = await reportOn("20.00", "2025-02-01");
    await validateSavings(actors.finance!, { entryId: validated.entryId, expectedVersion: 1 });
    await rejectSavings(actors.finance!, { entryId: rejected.entryId, expectedVersion: 1, reason: "Not a saving" });

    const { entries, totals } = await getProjectSavings(actors.managementColead!, ownProject.id);
    expect(entries.map((entry) => entry.id)).toEqual([rejected.entryId, validated.entryId, reported.entryId]);
    expect([totals.reported.totalCents, totals.validated.totalCents, totals.rejected.totalCents]).toEqual([32_000, 30_000, 5_000]);
    expect(entries.every((entry) => entry.projectId === ownProject.id)).toBe(true);
    expect(entries.map((entry) => entry.reportedOn.getTime())).toEqual(entries.map((entry) => entry.reportedOn.getTime()).sort((a, b) => b - a));
    expect(entries[0]).toMatchObject({ reportedByName: expect.any(String) });
    expect(totals).toEqual(totalSavings(entries));
  });

  it("is refused outside the team's people and region", async () => {
    await expect(getProjectSavings(actors.georgiaConsultant!, projectId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the review queue", () => {
  it("shows validators what awaits review in their scope, oldest first, with the count and totals of all of it", async () => {
    await report("1.00");
    const queue = await listSavingsForReview(actors.finance!, { status: "REPORTED" });
    const reportedCount = await prisma.savingsEntry.count({ where: { status: "REPORTED" } });
    expect(queue.count).toBe(reportedCount);
    expect(queue.rows).toHaveLength(Math.min(reportedCount, LEDGER_PAGE_SIZE));
    expect(queue.rows.every((row) => row.status === "REPORTED")).toBe(true);
    const days = queue.rows.map((row) => row.reportedOn.getTime());
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(queue.totals.validated.totalCents).toBe(0);
    expect(queue.totals).toEqual(totalSavings(await prisma.savingsEntry.findMany({ where: { status: "REPORTED" } })));
  });

  it("pages through the queue: every entry once, in order, then an empty page past the end", async () => {
    const first = await listSavingsForReview(actors.finance!, { status: "REPORTED" });
    expect(first.count).toBeGreaterThan(LEDGER_PAGE_SIZE);
    expect(first).toMatchObject({ page: 1, pageCount: Math.ceil(first.count / LEDGER_PAGE_SIZE) });
    const pages = [first];
    for (let page = 2; page <= first.pageCount; page++) pages.push(await listSavingsForReview(actors.finance!, { status: "REPORTED" }, page));
    const rows = pages.flatMap((page) => page.rows);
    expect(rows.map((row) => row.id)).toEqual([...new Set(rows.map((row) => row.id))]);
    expect(rows).toHaveLength(first.count);
    const days = rows.map((row) => row.reportedOn.getTime());
    expect(days).toEqual([...days].sort((a, b) => a - b));

    const beyond = await listSavingsForReview(actors.finance!, { status: "REPORTED" }, first.pageCount + 1);
    expect(beyond).toMatchObject({ rows: [], count: first.count, totals: first.totals });
    await expect(listSavingsForReview(actors.finance!, {}, 0)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("keeps a regional validator to their region, whatever region they ask for", async () => {
    const queue = await listSavingsForReview(actors.georgiaStaff!, {});
    expect(queue.count).toBeGreaterThan(0);
    expect(new Set(queue.rows.map((row) => row.regionId))).toEqual(new Set([georgiaId]));
    expect((await listSavingsForReview(actors.georgiaStaff!, { region: "colorado" })).count).toBe(0);
  });

  it("filters by status, region and quarter", async () => {
    const { start, end } = quarterBounds("2021-Q1");
    const ledger = await listSavingsForReview(actors.staff!, { status: "VALIDATED", region: "colorado", quarter: "2021-Q1" });
    const expected = await prisma.savingsEntry.count({
      where: { status: "VALIDATED", team: { regionId: couriers.regionId }, reportedOn: { gte: start, lt: end } },
    });
    expect(ledger.count).toBe(expected);
    expect(ledger.count).toBeGreaterThan(0);
    for (const row of ledger.rows) {
      expect(row).toMatchObject({ status: "VALIDATED", regionId: couriers.regionId });
      expect(row.reportedOn >= start && row.reportedOn < end).toBe(true);
    }
  });

  it("is for validators only", async () => {
    for (const name of ["admin", "consultant", "unionSponsor", "laborColead", "georgiaConsultant"]) {
      await expect(listSavingsForReview(actors[name]!, {}), name).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getSavingsReviewRegions(actors[name]!), name).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await getSavingsReviewRegions(actors.georgiaStaff!)).map((region) => region.slug)).toEqual(["georgia"]);
  });
});

describe("the CSV rows", () => {
  it("give a co-lead their own team's entries only, amounts in plain dollars", async () => {
    const { entryId } = await report("12,345.67");
    const { headers, rows } = await readAll(exportSavingsRows(actors.laborColead!, {}));
    expect(headers).toHaveLength(13);
    expect(rows.length).toBe(await prisma.savingsEntry.count({ where: { teamId: couriers.id } }));
    expect(new Set(rows.map((row) => row[CSV_COLUMNS.teamCode]))).toEqual(new Set([couriers.code]));
    const ours = rows.find((row) => row[CSV_COLUMNS.id] === entryId)!;
    expect(ours).toEqual([
      entryId,
      couriers.code,
      expect.any(String),
      "Colorado",
      "Keep tire service in-house",
      "12345.67",
      "Cost avoidance",
      "One-time",
      null,
      null,
      "2025-01-15",
      "Awaiting review",
      null,
    ]);
  });

  it("give a consultant their region and a sponsor their teams", async () => {
    const consultantRows = (await readAll(exportSavingsRows(actors.consultant!, {}))).rows;
    expect(new Set(consultantRows.map((row) => row[CSV_COLUMNS.region]))).toEqual(new Set(["Colorado"]));
    expect(consultantRows.length).toBe(await prisma.savingsEntry.count({ where: { team: { regionId: couriers.regionId } } }));

    const sponsored = await prisma.roleAssignment.findMany({ where: { person: { email: "sponsor.union@example.org" }, endDate: null }, select: { teamId: true } });
    const sponsorRows = (await readAll(exportSavingsRows(actors.unionSponsor!, {}))).rows;
    expect(sponsorRows.length).toBe(await prisma.savingsEntry.count({ where: { teamId: { in: sponsored.map((a) => a.teamId!) } } }));
  });

  it("honour the filters within the user's scope", async () => {
    // The seed's current quarter, and an entry reported on the seed's "today" in it.
    const quarter = SEED_QUARTER;
    const { start, end } = quarterBounds(quarter);
    await report("3.00", SEED_NOW.toISOString().slice(0, 10));
    const rows = (await readAll(exportSavingsRows(actors.laborColead!, { status: "REPORTED", quarter }))).rows;
    expect(rows.length).toBe(await prisma.savingsEntry.count({ where: { teamId: couriers.id, status: "REPORTED", reportedOn: { gte: start, lt: end } } }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row[CSV_COLUMNS.status] === "Awaiting review")).toBe(true);

    expect((await readAll(exportSavingsRows(actors.laborColead!, { region: "georgia" }))).rows).toEqual([]);
    const georgia = (await readAll(exportSavingsRows(actors.staff!, { region: "georgia", status: "REJECTED" }))).rows;
    expect(georgia.length).toBe(await prisma.savingsEntry.count({ where: { status: "REJECTED", team: { regionId: georgiaId } } }));
  });

  it("are empty for someone with no team or region", async () => {
    expect((await readAll(exportSavingsRows({ grants: [] }, {}))).rows).toEqual([]);
  });
});
