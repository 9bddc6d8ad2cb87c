import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getHighPerformingTrend, getRatedQuarters, getRegionalTable } from "@/lib/data/regional-rollup";
import { prisma } from "@/lib/db";
import { previousQuarter, type Quarter } from "@/lib/domain/quarter";
import { AppError } from "@/lib/errors";
import * as organisation from "@/lib/services/organisation";
import * as ratings from "@/lib/services/ratings";
import * as savings from "@/lib/services/savings";
import { moveTeamSchema, teamIdSchema } from "@/lib/validation/organisation";
import { reopenRatingSchema, saveRatingSchema, signoffSchema } from "@/lib/validation/ratings";
import { reportSavingsSchema } from "@/lib/validation/savings";
import { actorFor, couriersTeam, demoCast } from "@/tests/support/actors";
import { asSubmitted } from "@/tests/support/as-submitted";
import { resetToSeed } from "@/tests/support/database";
import { csvFile, runImport } from "@/tests/support/imports";
import { SEED_QUARTER } from "@/tests/support/seed-clock";
import { checkAfterEveryWrite } from "@/tests/support/write-sequences";

/**
 * The pre-aggregate FinalRatingCount must always equal the count made from the raw
 * ratings: after every step of random sequences of the writes that touch ratings or
 * where their teams are counted (save, sign, dispute, reopen, import history, retire,
 * reactivate, move a team), and of writes that must leave it alone (savings).
 */

const saveRating = asSubmitted(saveRatingSchema, ratings.saveRating);
const signRating = asSubmitted(signoffSchema, ratings.signRating);
const reopenRating = asSubmitted(reopenRatingSchema, ratings.reopenRating);
const moveTeam = asSubmitted(moveTeamSchema, organisation.moveTeam);
const retireTeam = asSubmitted(teamIdSchema, organisation.retireTeam);
const reactivateTeam = asSubmitted(teamIdSchema, organisation.reactivateTeam);
const reportSavings = asSubmitted(reportSavingsSchema, savings.reportSavings);

type Team = { id: string; code: string };
let teams: Team[];
let departments: string[];
let projectId: string;
let criteria: { id: string; level: number }[];
let cast: Awaited<ReturnType<typeof demoCast>>;
let admin: PersonActor;

type Count = { quarter: string; regionId: string; facilityId: string; level: number; teams: number };

async function preAggregated(): Promise<Count[]> {
  return prisma.$queryRaw<Count[]>`
    SELECT quarter, "regionId", "facilityId", level, teams FROM "FinalRatingCount" WHERE teams <> 0 ORDER BY 1, 3, 4`;
}

async function fromRawRatings(): Promise<Count[]> {
  return prisma.$queryRaw<Count[]>`
    SELECT r.quarter, t."regionId", d."facilityId", r.level, count(*)::int AS teams
    FROM "Rating" r JOIN "Team" t ON t.id = r."teamId" JOIN "Department" d ON d.id = t."departmentId"
    WHERE r.kind = 'QUARTERLY' AND r.status = 'FINAL'
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4`;
}

async function expectCountsMatchRawRatings() {
  expect(await preAggregated()).toEqual(await fromRawRatings());
}

/** A write the services may refuse (a final rating cannot be saved, a retired team is not rated): refusals are part of the sequence. */
async function attempt(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

function checksUpTo(level: number) {
  return criteria.filter((criterion) => criterion.level <= level).map((criterion) => ({ criterionId: criterion.id, met: true }));
}

async function currentRating(team: Team) {
  return prisma.rating.findUnique({ where: { teamId_quarter_kind: { teamId: team.id, quarter: SEED_QUARTER, kind: "QUARTERLY" } } });
}

const teamIndex = fc.nat({ max: 5 });
const level = fc.integer({ min: 1, max: 5 });

const write = fc.oneof(
  fc.record({ kind: fc.constant("rate" as const), team: teamIndex, level, then: fc.constantFrom("sign-both", "dispute", "union-only") }),
  fc.record({ kind: fc.constant("reopen" as const), team: teamIndex }),
  fc.record({ kind: fc.constant("import-history" as const), team: teamIndex, level, quartersBack: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("retire" as const), team: teamIndex }),
  fc.record({ kind: fc.constant("reactivate" as const), team: teamIndex }),
  fc.record({ kind: fc.constant("move" as const), team: teamIndex, department: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant("report-savings" as const) }),
);

type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(step: Write) {
  if (step.kind === "report-savings") {
    return attempt(() =>
      reportSavings(cast.laborColead!, { projectId, amount: "250.00", category: "HARD_SAVINGS", recurrence: "ONE_TIME", reportedOn: "2025-01-15", method: "Invoices." }),
    );
  }
  const team = teams[step.team % teams.length]!;
  switch (step.kind) {
    case "rate": {
      const existing = await currentRating(team);
      const saved = await saveRating(cast.unionSponsor!, { teamId: team.id, quarter: SEED_QUARTER, kind: "QUARTERLY", expectedVersion: existing?.version ?? null, checks: checksUpTo(step.level) }).catch(
        (error: unknown) => (error instanceof AppError ? null : Promise.reject(error)),
      );
      if (!saved) return;
      const rating = await prisma.rating.findUniqueOrThrow({ where: { id: saved.ratingId } });
      if (rating.level === null) return;
      await attempt(async () => {
        await signRating(cast.unionSponsor!, { ratingId: rating.id, expectedVersion: rating.version, decision: "SIGNED", level: rating.level });
        if (step.then === "union-only") return;
        const signed = await prisma.rating.findUniqueOrThrow({ where: { id: rating.id } });
        await signRating(
          cast.managementSponsor!,
          step.then === "dispute"
            ? { ratingId: rating.id, expectedVersion: signed.version, decision: "DISAGREED", level: rating.level, reason: "Not yet" }
            : { ratingId: rating.id, expectedVersion: signed.version, decision: "SIGNED", level: rating.level },
        );
      });
      return;
    }
    case "reopen": {
      const rating = await currentRating(team);
      if (rating) await attempt(() => reopenRating(cast.staff!, { ratingId: rating.id, expectedVersion: rating.version, reason: "Evidence was missing" }));
      return;
    }
    case "import-history": {
      let quarter: Quarter = SEED_QUARTER;
      for (let back = 0; back < step.quartersBack; back++) quarter = previousQuarter(quarter);
      return attempt(async () => {
        const result = await runImport(admin, "ratings", "import", csvFile("ratings", [[team.code, quarter, step.level]]));
        if (result.errors.length > 0) throw new AppError("refused", 400);
      });
    }
    case "retire":
      return attempt(() => retireTeam(admin, { teamId: team.id }));
    case "reactivate":
      return attempt(() => reactivateTeam(admin, { teamId: team.id }));
    case "move":
      return attempt(() => moveTeam(admin, { teamId: team.id, departmentId: departments[step.department % departments.length]! }));
  }
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  cast = await demoCast(couriers);
  admin = await actorFor("admin@example.org");
  // The teams both demo sponsors rate, so each sequence can save, sign and dispute.
  teams = await prisma.team.findMany({
    where: {
      retiredQuarter: null,
      AND: [
        { roleAssignments: { some: { personId: cast.unionSponsor!.personId, role: "UNION_SPONSOR" } } },
        { roleAssignments: { some: { personId: cast.managementSponsor!.personId, role: "MANAGEMENT_SPONSOR" } } },
      ],
    },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
    take: 6,
  });
  expect(teams.length).toBeGreaterThanOrEqual(2);
  // Departments of other facilities of the region too, so moves change the facility counted.
  departments = (
    await prisma.department.findMany({ where: { regionId: couriers.regionId, facility: { retiredQuarter: null } }, select: { id: true, facilityId: true }, orderBy: { id: "asc" } })
  )
    .filter((department, index, all) => all.findIndex((other) => other.facilityId === department.facilityId) === index)
    .slice(0, 4)
    .map((department) => department.id);
  projectId = (await prisma.project.findFirstOrThrow({ where: { teamId: couriers.id }, orderBy: { id: "asc" } })).id;
  criteria = await prisma.criterion.findMany({ where: { set: { status: "PUBLISHED" } }, select: { id: true, level: true } });
});

describe("FinalRatingCount, the pre-aggregate of final quarterly ratings", () => {
  it("starts equal to the raw ratings (the migration's backfill and the seed through the triggers)", async () => {
    const counts = await preAggregated();
    expect(counts.length).toBeGreaterThan(100);
    expect(counts.every((row) => row.teams > 0)).toBe(true);
    await expectCountsMatchRawRatings();
  });

  it("equals the raw ratings after every step of random sequences of writes", async () => {
    const steps = await checkAfterEveryWrite(write, {
      apply,
      check: async () => {
        const counts = await preAggregated();
        expect(counts.every((row) => row.teams > 0)).toBe(true);
        expect(counts).toEqual(await fromRawRatings());
      },
      maxLength: 8,
      numRuns: 12,
      seed: 20261201,
    });
    // The sequences did change final ratings: the property was not checked on a still table.
    expect(steps).toBeGreaterThan(40);
    expect(await prisma.rating.count({ where: { quarter: SEED_QUARTER, status: "FINAL", teamId: { in: teams.map((team) => team.id) } } })).toBeGreaterThan(0);
  });

  it("gives the regional table, the trend and the rated quarters the figures the raw ratings give", async () => {
    const raw = await fromRawRatings();
    const rawRated = (quarter: string) => raw.filter((row) => row.quarter === quarter).reduce((sum, row) => sum + row.teams, 0);
    const table = await getRegionalTable(cast.staff!, SEED_QUARTER);
    expect(table.total.rated).toBe(rawRated(SEED_QUARTER));
    expect(table.total.previousRated).toBe(rawRated(previousQuarter(SEED_QUARTER)));
    const trend = await getHighPerformingTrend(cast.staff!);
    const trendRated = (quarter: string) => trend.filter((point) => point.quarter === quarter).reduce((sum, point) => sum + point.rated, 0);
    for (const quarter of new Set(raw.map((row) => row.quarter))) expect(trendRated(quarter)).toBe(rawRated(quarter));
    expect(await getRatedQuarters(cast.staff!)).toEqual([...new Set(raw.map((row) => row.quarter))].sort().reverse());
  });

  it("follows writes made outside the services too: a department moved to another facility, a team deleted, the ratings emptied", async () => {
    const department = await prisma.department.findFirstOrThrow({ where: { teams: { some: { ratings: { some: { status: "FINAL" } } } } }, include: { facility: true } });
    const otherFacility = await prisma.facility.create({ data: { regionId: department.regionId, name: "Pre-aggregate test facility" } });
    await prisma.department.update({ where: { id: department.id }, data: { facilityId: otherFacility.id } });
    await expectCountsMatchRawRatings();

    const team = await prisma.team.findFirstOrThrow({ where: { ratings: { some: { status: "FINAL" } }, id: { notIn: teams.map((t) => t.id) } } });
    await prisma.$transaction([prisma.roleAssignment.deleteMany({ where: { teamId: team.id } }), prisma.team.delete({ where: { id: team.id } })]);
    await expectCountsMatchRawRatings();

    await prisma.$executeRaw`TRUNCATE "Rating" CASCADE`;
    expect(await preAggregated()).toEqual([]);
  });
});
