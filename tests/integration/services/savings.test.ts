import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import * as savings from "@/lib/services/savings";
import { todayUtc, toDayString } from "@/lib/validation/dates";
import { rejectSavingsSchema, reportSavingsSchema, updateSavingsSchema, validateSavingsSchema } from "@/lib/validation/savings";
import { asSubmitted } from "@/tests/support/as-submitted";
import { actorFor, actorWithAssignment, couriersTeam } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites as expectRefusedWithoutWritesTo } from "@/tests/support/refusals";

const reportSavings = asSubmitted(reportSavingsSchema, savings.reportSavings);
const updateSavings = asSubmitted(updateSavingsSchema, savings.updateSavings);
const validateSavings = asSubmitted(validateSavingsSchema, savings.validateSavings);
const rejectSavings = asSubmitted(rejectSavingsSchema, savings.rejectSavings);

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

let couriersId: string;
let projectId: string;
let actors: Record<string, PersonActor>;

function reportInput(overrides: Record<string, unknown> = {}) {
  return {
    projectId,
    amount: "12,345.67",
    category: "HARD_SAVINGS",
    recurrence: "ONE_TIME",
    reportedOn: "2025-01-15",
    method: "Fuel invoices for the quarter before and after the new routes.",
    evidence: "Regional fleet report",
    ...overrides,
  };
}

/** A fresh entry awaiting review, reported by the labor co-lead. */
async function reportedEntry(overrides: Record<string, unknown> = {}) {
  return reportSavings(actors.laborColead!, reportInput(overrides));
}

/** Everything a savings action writes: "writes nothing" means all of it stays put. */
async function footprint() {
  const [entries, audit, project] = await Promise.all([
    prisma.savingsEntry.findMany({ orderBy: { id: "asc" }, where: { teamId: couriersId } }),
    prisma.auditEntry.count(),
    prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { lastActivityAt: true, updatedById: true } }),
  ]);
  return { entries, count: await prisma.savingsEntry.count(), audit, project };
}

function expectRefusedWithoutWrites(action: () => Promise<unknown>, errorType: new (...args: never[]) => Error, message?: RegExp) {
  return expectRefusedWithoutWritesTo(footprint, action, errorType, message);
}

async function auditTrail(entryId: string) {
  const entries = await prisma.auditEntry.findMany({ where: { entityType: "SavingsEntry", entityId: entryId }, orderBy: { id: "asc" } });
  return entries.map(({ action, actorId, before, after, reason }) => ({ action, actorId, before, after, reason }));
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  couriersId = couriers.id;
  const project = await prisma.project.create({
    data: { teamId: couriersId, title: "Fuel-saving route plans", aim: "Cut fuel spend by 10 percent by June 30", compassPoints: ["MOST_AFFORDABLE"] },
  });
  projectId = project.id;
  const staff = await actorFor("staff@example.org");
  actors = {
    staff,
    admin: await actorFor("admin@example.org"),
    finance: await actorFor("finance@example.org"),
    consultant: await actorFor("consultant.colorado@example.org"),
    unionSponsor: await actorFor("sponsor.union@example.org"),
    managementSponsor: await actorFor("sponsor.mgmt@example.org"),
    laborColead: await actorFor("colead.labor@example.org"),
    managementColead: await actorFor("colead.mgmt@example.org"),
    georgiaConsultant: await actorWithAssignment({ role: "CONSULTANT", region: { name: "Georgia" } }),
    otherColoradoColead: await actorWithAssignment({ role: "LABOR_COLEAD", team: { regionId: couriers.regionId, id: { not: couriers.id } } }),
    coloradoStaff: await actorWithAssignment({ role: "LMP_STAFF", regionId: couriers.regionId }),
    coloradoFinance: await actorWithAssignment({ role: "FINANCE_REVIEWER", regionId: couriers.regionId }),
    georgiaStaff: await actorWithAssignment({ role: "LMP_STAFF", region: { name: "Georgia" } }),
    georgiaFinance: await actorWithAssignment({ role: "FINANCE_REVIEWER", region: { name: "Georgia" } }),
    // One person holding two roles: LMP staff nationally and a UBT consultant in Colorado.
    staffAndConsultant: { ...staff, grants: [...staff.grants, { role: "CONSULTANT", teamId: null, regionId: couriers.regionId }] },
  };
});

describe("reporting savings", () => {
  for (const name of ["laborColead", "managementColead", "consultant"]) {
    it(`${name} may report; the entry is stored in cents for the project's team, audited and touches the project`, async () => {
      const actor = actors[name]!;
      const before = new Date();
      const outcome = await reportSavings(actor, reportInput());
      expect(outcome).toMatchObject({ status: "REPORTED", version: 1 });

      const entry = await prisma.savingsEntry.findUniqueOrThrow({ where: { id: outcome.entryId } });
      expect(entry).toMatchObject({
        projectId,
        teamId: couriersId,
        amountCents: 1_234_567,
        category: "HARD_SAVINGS",
        recurrence: "ONE_TIME",
        reportedOn: new Date("2025-01-15T00:00:00Z"),
        periodStart: null,
        periodEnd: null,
        status: "REPORTED",
        reportedById: actor.personId,
        reviewedById: null,
      });
      const project = await prisma.project.findUniqueOrThrow({ where: { id: projectId } });
      expect(project.updatedById).toBe(actor.personId);
      expect(project.lastActivityAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(await auditTrail(outcome.entryId)).toEqual([
        expect.objectContaining({ action: "savings.reported", actorId: actor.personId, before: null, after: expect.objectContaining({ amountCents: 1_234_567, status: "REPORTED" }) }),
      ]);
    });
  }

  for (const name of ["unionSponsor", "managementSponsor", "staff", "admin", "finance", "otherColoradoColead", "georgiaConsultant", "coloradoStaff"]) {
    it(`${name} may not report`, async () => {
      await expectRefusedWithoutWrites(() => reportSavings(actors[name]!, reportInput()), ForbiddenError, /the team's co-leads and its region's UBT consultants can report/);
    });
  }

  // "Today" here and below is the real clock's, on purpose: the service defaults to it and refuses later days.
  it("stores a recurring entry with its period, and defaults the report date to today", async () => {
    const outcome = await reportedEntry({ recurrence: "RECURRING", periodStart: "2025-01-01", periodEnd: "2025-12-31", reportedOn: "", amount: "$375,000" });
    const entry = await prisma.savingsEntry.findUniqueOrThrow({ where: { id: outcome.entryId } });
    expect(entry).toMatchObject({
      amountCents: 37_500_000,
      recurrence: "RECURRING",
      periodStart: new Date("2025-01-01T00:00:00Z"),
      periodEnd: new Date("2025-12-31T00:00:00Z"),
      reportedOn: todayUtc(),
    });
  });
});

describe("invalid input gets a clear error and writes nothing", () => {
  it.each([
    ["a negative amount", { amount: "-5" }, /cannot be negative/],
    ["fractions of a cent", { amount: "12.345" }, /at most 2 decimals/],
    ["an amount that is not a number", { amount: "abc" }, /dollars and cents/],
    ["an amount in exponent notation", { amount: "1e3" }, /dollars and cents/],
    ["an amount given as a number", { amount: 12345.67 }, /Enter the amount saved/],
    ["an unknown category", { category: "SAVINGS" }, /Choose a category/],
    ["recurring savings without a period", { recurrence: "RECURRING" }, /need the start of the period/],
    ["a period that ends before it starts", { recurrence: "RECURRING", periodStart: "2025-12-31", periodEnd: "2025-01-01" }, /cannot end before it starts/],
    ["a report date in the future", { reportedOn: toDayString(new Date(todayUtc().getTime() + 2 * 86_400_000)) }, /cannot be in the future/],
    ["no method", { method: " " }, /Describe how the savings were calculated/],
    ["a method over 2,000 characters", { method: "m".repeat(2001) }, /method under 2,000/],
    ["evidence over 2,000 characters", { evidence: "e".repeat(2001) }, /evidence under 2,000/],
    ["a project id that is not one", { projectId: "project-1" }, /Unknown project/],
  ])("%s", async (_what, overrides, message) => {
    await expectRefusedWithoutWrites(() => reportSavings(actors.laborColead!, reportInput(overrides)), InvalidInputError, message);
  });

  it("an unknown project", async () => {
    await expectRefusedWithoutWrites(() => reportSavings(actors.laborColead!, reportInput({ projectId: UNKNOWN_ID })), NotFoundError, /Unknown project/);
  });

  it("an unknown entry, and invalid figures in an update", async () => {
    const { entryId } = await reportedEntry();
    await expectRefusedWithoutWrites(() => validateSavings(actors.finance!, { entryId: UNKNOWN_ID, expectedVersion: 1 }), NotFoundError, /Unknown savings entry/);
    await expectRefusedWithoutWrites(
      () => updateSavings(actors.laborColead!, { ...reportInput({ amount: "-1" }), entryId, expectedVersion: 1 }),
      InvalidInputError,
      /cannot be negative/,
    );
  });

  it("a rejection without a reason", async () => {
    const { entryId } = await reportedEntry();
    await expectRefusedWithoutWrites(() => rejectSavings(actors.finance!, { entryId, expectedVersion: 1, reason: "  " }), InvalidInputError, /reason for rejecting/);
  });
});

describe("validating and rejecting", () => {
  const VALIDATORS = ["staff", "finance", "coloradoStaff", "coloradoFinance"];
  const REFUSED = [
    "admin",
    "consultant",
    "unionSponsor",
    "managementSponsor",
    "laborColead",
    "managementColead",
    "georgiaConsultant",
    "otherColoradoColead",
    "georgiaStaff",
    "georgiaFinance",
  ];

  for (const name of VALIDATORS) {
    it(`${name} may validate and reject; each review is audited with before and after`, async () => {
      const actor = actors[name]!;
      const toValidate = await reportedEntry();
      expect(await validateSavings(actor, { entryId: toValidate.entryId, expectedVersion: 1 })).toMatchObject({ status: "VALIDATED", version: 2 });
      const validated = await prisma.savingsEntry.findUniqueOrThrow({ where: { id: toValidate.entryId } });
      expect(validated).toMatchObject({ status: "VALIDATED", reviewedById: actor.personId, rejectionReason: null });
      expect(validated.reviewedAt).not.toBeNull();

      const toReject = await reportedEntry();
      const reason = "The fuel contract price fell in the same quarter; the saving is not the team's.";
      expect(await rejectSavings(actor, { entryId: toReject.entryId, expectedVersion: 1, reason })).toMatchObject({ status: "REJECTED", version: 2 });
      expect(await prisma.savingsEntry.findUniqueOrThrow({ where: { id: toReject.entryId } })).toMatchObject({
        status: "REJECTED",
        rejectionReason: reason,
        reviewedById: actor.personId,
      });
      const trail = await auditTrail(toReject.entryId);
      expect(trail.at(-1)).toMatchObject({
        action: "savings.rejected",
        actorId: actor.personId,
        reason,
        before: expect.objectContaining({ status: "REPORTED", version: 1 }),
        after: expect.objectContaining({ status: "REJECTED", rejectionReason: reason, version: 2 }),
      });
    });
  }

  for (const name of REFUSED) {
    it(`${name} may neither validate nor reject`, async () => {
      const { entryId } = await reportedEntry();
      await expectRefusedWithoutWrites(() => validateSavings(actors[name]!, { entryId, expectedVersion: 1 }), ForbiddenError, /LMP staff and finance reviewers/);
      await expectRefusedWithoutWrites(() => rejectSavings(actors[name]!, { entryId, expectedVersion: 1, reason: "No" }), ForbiddenError);
    });
  }

  it("nobody reviews savings they reported themselves", async () => {
    const { entryId } = await reportSavings(actors.staffAndConsultant!, reportInput());
    await expectRefusedWithoutWrites(() => validateSavings(actors.staffAndConsultant!, { entryId, expectedVersion: 1 }), ForbiddenError, /someone else must review/);
    await expectRefusedWithoutWrites(() => rejectSavings(actors.staffAndConsultant!, { entryId, expectedVersion: 1, reason: "Mine" }), ForbiddenError);
    expect((await validateSavings(actors.finance!, { entryId, expectedVersion: 1 })).status).toBe("VALIDATED");
  });

  it("nobody reviews figures they corrected, even in an entry someone else reported", async () => {
    const { entryId } = await reportedEntry();
    await updateSavings(actors.staffAndConsultant!, { ...reportInput({ amount: "1,000,000.00" }), entryId, expectedVersion: 1 });
    await expectRefusedWithoutWrites(() => validateSavings(actors.staffAndConsultant!, { entryId, expectedVersion: 2 }), ForbiddenError, /someone else must review/);
    expect((await validateSavings(actors.finance!, { entryId, expectedVersion: 2 })).status).toBe("VALIDATED");
  });

  it("reviews only what awaits review", async () => {
    const { entryId } = await reportedEntry();
    await validateSavings(actors.finance!, { entryId, expectedVersion: 1 });
    await expectRefusedWithoutWrites(() => validateSavings(actors.staff!, { entryId, expectedVersion: 2 }), ConflictError, /already validated/);
    await expectRefusedWithoutWrites(() => rejectSavings(actors.staff!, { entryId, expectedVersion: 2, reason: "Late doubts" }), ConflictError, /already validated/);
  });
});

describe("validated savings are locked; rejected ones can be corrected", () => {
  it("refuses any edit of a validated entry", async () => {
    const { entryId } = await reportedEntry();
    await validateSavings(actors.finance!, { entryId, expectedVersion: 1 });
    for (const name of ["laborColead", "managementColead", "consultant"]) {
      await expectRefusedWithoutWrites(
        () => updateSavings(actors[name]!, { ...reportInput({ amount: "99,999.99" }), entryId, expectedVersion: 2 }),
        ConflictError,
        /Validated savings are locked; /,
      );
    }
  });

  it("lets co-leads edit a reported entry, audited with before and after", async () => {
    const { entryId } = await reportedEntry();
    const updated = await updateSavings(actors.managementColead!, { ...reportInput({ amount: "10,000" }), entryId, expectedVersion: 1 });
    expect(updated).toEqual({ entryId, version: 2, status: "REPORTED", projectId, teamId: couriersId });
    expect((await prisma.savingsEntry.findUniqueOrThrow({ where: { id: entryId } })).amountCents).toBe(1_000_000);
    expect((await auditTrail(entryId)).at(-1)).toMatchObject({
      action: "savings.updated",
      actorId: actors.managementColead!.personId,
      before: expect.objectContaining({ amountCents: 1_234_567 }),
      after: expect.objectContaining({ amountCents: 1_000_000 }),
      reason: null,
    });
  });

  it("reports a corrected rejection again, clearing the review", async () => {
    const { entryId } = await reportedEntry();
    await rejectSavings(actors.finance!, { entryId, expectedVersion: 1, reason: "Evidence is for another team" });
    const corrected = await updateSavings(actors.laborColead!, { ...reportInput({ evidence: "The couriers' own fleet report" }), entryId, expectedVersion: 2 });
    expect(corrected).toEqual({ entryId, version: 3, status: "REPORTED", projectId, teamId: couriersId });
    expect(await prisma.savingsEntry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({
      status: "REPORTED",
      rejectionReason: null,
      reviewedById: null,
      reviewedAt: null,
      evidence: "The couriers' own fleet report",
    });
    expect((await auditTrail(entryId)).at(-1)).toMatchObject({ action: "savings.updated", reason: "Corrected after rejection and reported again" });
    expect((await validateSavings(actors.finance!, { entryId, expectedVersion: 3 })).status).toBe("VALIDATED");
  });

  it("keeps other teams' co-leads and consultants of other regions out of the edit", async () => {
    const { entryId } = await reportedEntry();
    for (const name of ["otherColoradoColead", "georgiaConsultant", "unionSponsor", "finance"]) {
      await expectRefusedWithoutWrites(() => updateSavings(actors[name]!, { ...reportInput(), entryId, expectedVersion: 1 }), ForbiddenError);
    }
  });
});

describe("no lost updates", () => {
  it("refuses an edit or a review made from a stale version", async () => {
    const { entryId } = await reportedEntry();
    await updateSavings(actors.managementColead!, { ...reportInput({ amount: "1.00" }), entryId, expectedVersion: 1 });
    await expectRefusedWithoutWrites(
      () => updateSavings(actors.laborColead!, { ...reportInput({ amount: "2.00" }), entryId, expectedVersion: 1 }),
      ConflictError,
      /Someone else changed this savings entry/,
    );
    await expectRefusedWithoutWrites(() => validateSavings(actors.finance!, { entryId, expectedVersion: 1 }), ConflictError, /Someone else changed/);
    expect((await prisma.savingsEntry.findUniqueOrThrow({ where: { id: entryId } })).amountCents).toBe(100);
  });

  it("lets exactly one of a simultaneous validation and rejection through", async () => {
    const { entryId } = await reportedEntry();
    const results = await Promise.allSettled([
      validateSavings(actors.finance!, { entryId, expectedVersion: 1 }),
      rejectSavings(actors.staff!, { entryId, expectedVersion: 1, reason: "Double counted" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")?.reason).toBeInstanceOf(ConflictError);
    expect((await prisma.savingsEntry.findUniqueOrThrow({ where: { id: entryId } })).version).toBe(2);
  });

  it("does not let an edit racing a validation unlock the validated figures", async () => {
    const { entryId } = await reportedEntry();
    const results = await Promise.allSettled([
      validateSavings(actors.finance!, { entryId, expectedVersion: 1 }),
      updateSavings(actors.laborColead!, { ...reportInput({ amount: "5.00" }), entryId, expectedVersion: 1 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const { status, amountCents } = await prisma.savingsEntry.findUniqueOrThrow({ where: { id: entryId } });
    expect([
      { status: "VALIDATED", amountCents: 1_234_567 },
      { status: "REPORTED", amountCents: 500 },
    ]).toContainEqual({ status, amountCents });
  });
});
