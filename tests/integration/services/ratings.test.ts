import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { addQuarters, currentQuarter, type Quarter } from "@/lib/domain/quarter";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { PersonActor } from "@/lib/auth/permissions";
import * as ratings from "@/lib/services/ratings";
import { reopenRatingSchema, saveRatingSchema, signoffSchema } from "@/lib/validation/ratings";
import { couriersTeam, demoCast } from "@/tests/support/actors";
import { asSubmitted } from "@/tests/support/as-submitted";
import { resetToSeed } from "@/tests/support/database";
import { SEED_QUARTER } from "@/tests/support/seed-clock";
import { expectRefusedWithoutWrites as expectRefusedWithoutWritesTo } from "@/tests/support/refusals";

// The seed's current quarter, which it leaves the couriers not started in: the quarter these tests rate.
// It has begun on the real clock too (SEED_NOW is in the past), so the service accepts it.
const QUARTER = SEED_QUARTER;

// As the rating page's forms reach them: parsed by the action's schema first.
const saveRating = asSubmitted(saveRatingSchema, ratings.saveRating);
const signRating = asSubmitted(signoffSchema, ratings.signRating);
const reopenRating = asSubmitted(reopenRatingSchema, ratings.reopenRating);

let couriersId: string;
let criteria: { id: string; level: number }[];
let actors: Record<string, PersonActor>;

/** Every criterion of the published set up to `level`, ticked. */
function checksThrough(level: number) {
  return criteria.filter((criterion) => criterion.level <= level).map((criterion) => ({ criterionId: criterion.id, met: true }));
}

function quarterlyInput(overrides: Record<string, unknown> = {}) {
  return { teamId: couriersId, quarter: QUARTER, kind: "QUARTERLY", expectedVersion: null, checks: checksThrough(4), ...overrides };
}

/** Row counts of everything a rating action writes: "writes nothing" means these stay put. */
async function ratingFootprint() {
  const [ratings, dimensions, checks, signoffs, audit] = await Promise.all([
    prisma.rating.count(),
    prisma.ratingDimension.count(),
    prisma.ratingCriterionCheck.count(),
    prisma.ratingSignoff.count(),
    prisma.auditEntry.count(),
  ]);
  return { ratings, dimensions, checks, signoffs, audit };
}

function expectRefusedWithoutWrites(action: () => Promise<unknown>, errorType: new (...args: never[]) => Error, message?: RegExp) {
  return expectRefusedWithoutWritesTo(ratingFootprint, action, errorType, message);
}

async function auditActions(ratingId: string) {
  const entries = await prisma.auditEntry.findMany({ where: { entityType: "Rating", entityId: ratingId }, orderBy: { id: "asc" } });
  return entries.map((entry) => ({ action: entry.action, reason: entry.reason, actorId: entry.actorId }));
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  couriersId = couriers.id;
  criteria = await prisma.criterion.findMany({ where: { set: { status: "PUBLISHED" } }, select: { id: true, level: true } });
  actors = await demoCast(couriers);
});

afterEach(async () => {
  // The couriers' current-quarter ratings are the only ones these tests create.
  await prisma.rating.deleteMany({ where: { teamId: couriersId, quarter: QUARTER } });
});

describe("a quarterly rating becomes final only with both sides' signatures", () => {
  it("goes draft → awaiting management → final, and is audited", async () => {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    expect(created).toMatchObject({ level: 4, status: "DRAFT", version: 1 });

    const afterUnion = await signRating(actors.unionSponsor!, { ratingId: created.ratingId, expectedVersion: 1, decision: "SIGNED", level: 4 });
    expect(afterUnion.status).toBe("AWAITING_SIGNOFF");
    // Signing again for the same side does not make it final.
    const again = await signRating(actors.unionSponsor!, { ratingId: created.ratingId, expectedVersion: 2, decision: "SIGNED", level: 4 });
    expect(again.status).toBe("AWAITING_SIGNOFF");

    const final = await signRating(actors.managementSponsor!, { ratingId: created.ratingId, expectedVersion: 3, decision: "SIGNED", level: 4 });
    expect(final.status).toBe("FINAL");
    const stored = await prisma.rating.findUniqueOrThrow({ where: { id: created.ratingId }, include: { dimensions: true } });
    expect(stored.finalizedAt).not.toBeNull();
    expect(stored.dimensions.map((d) => d.level)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect((await auditActions(created.ratingId)).map((entry) => entry.action)).toEqual(["rating.created", "rating.signed", "rating.signed", "rating.signed"]);
  });

  it("voids signatures when the criteria change after a sign-off", async () => {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    await signRating(actors.unionSponsor!, { ratingId: created.ratingId, expectedVersion: 1, decision: "SIGNED", level: 4 });
    const changed = await saveRating(actors.managementSponsor!, quarterlyInput({ expectedVersion: 2, checks: checksThrough(3) }));
    expect(changed).toMatchObject({ status: "DRAFT", level: 3 });
    const signoffs = await prisma.ratingSignoff.findMany({ where: { ratingId: created.ratingId } });
    expect(signoffs.map((s) => s.voidedAt !== null)).toEqual([true]);
  });

  it("refuses a sign-off for a level the rating no longer has", async () => {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    await expectRefusedWithoutWrites(
      () => signRating(actors.unionSponsor!, { ratingId: created.ratingId, expectedVersion: 1, decision: "SIGNED", level: 5 }),
      ConflictError,
      /level is now 4, not 5/,
    );
  });
});

describe("disagreement", () => {
  it("keeps the reason visible on the rating, also after it is resolved", async () => {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    const disputed = await signRating(actors.managementSponsor!, {
      ratingId: created.ratingId,
      expectedVersion: 1,
      decision: "DISAGREED",
      level: 4,
      reason: "Huddles lapsed in October; team process is not at level 4.",
    });
    expect(disputed.status).toBe("DISPUTED");
    const current = await prisma.ratingSignoff.findFirstOrThrow({ where: { ratingId: created.ratingId, voidedAt: null } });
    expect(current).toMatchObject({ side: "MANAGEMENT", decision: "DISAGREED", reason: "Huddles lapsed in October; team process is not at level 4." });

    await signRating(actors.unionSponsor!, { ratingId: created.ratingId, expectedVersion: 2, decision: "SIGNED", level: 4 });
    const resolved = await signRating(actors.managementSponsor!, { ratingId: created.ratingId, expectedVersion: 3, decision: "SIGNED", level: 4 });
    expect(resolved.status).toBe("FINAL");
    const history = await prisma.ratingSignoff.findMany({ where: { ratingId: created.ratingId }, orderBy: { createdAt: "asc" } });
    expect(history[0]).toMatchObject({ decision: "DISAGREED", reason: "Huddles lapsed in October; team process is not at level 4." });
    expect(history[0]!.voidedAt).not.toBeNull();
  });

  it("requires a reason", async () => {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    await expectRefusedWithoutWrites(
      () => signRating(actors.managementSponsor!, { ratingId: created.ratingId, expectedVersion: 1, decision: "DISAGREED", level: 4, reason: "   " }),
      InvalidInputError,
      /Give the reason for disagreeing/,
    );
  });
});

describe("reopening", () => {
  async function finalRating() {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    await signRating(actors.unionSponsor!, { ratingId: created.ratingId, expectedVersion: 1, decision: "SIGNED", level: 4 });
    await signRating(actors.managementSponsor!, { ratingId: created.ratingId, expectedVersion: 2, decision: "SIGNED", level: 4 });
    return created.ratingId;
  }

  it("is for LMP staff only", async () => {
    const ratingId = await finalRating();
    for (const name of ["admin", "finance", "consultant", "unionSponsor", "managementSponsor", "laborColead", "georgiaConsultant"]) {
      await expectRefusedWithoutWrites(() => reopenRating(actors[name]!, { ratingId, expectedVersion: 3, reason: "Recount" }), ForbiddenError);
    }
  });

  it("needs a reason, voids the sign-offs and is audited with the reason", async () => {
    const ratingId = await finalRating();
    await expectRefusedWithoutWrites(() => reopenRating(actors.staff!, { ratingId, expectedVersion: 3, reason: "" }), InvalidInputError, /reason for reopening/);
    const reopened = await reopenRating(actors.staff!, { ratingId, expectedVersion: 3, reason: "Evidence for training was for another team." });
    expect(reopened.status).toBe("DRAFT");
    expect(await prisma.ratingSignoff.count({ where: { ratingId, voidedAt: null } })).toBe(0);
    expect(await prisma.ratingSignoff.count({ where: { ratingId } })).toBe(2);
    const last = (await auditActions(ratingId)).at(-1);
    expect(last).toEqual({ action: "rating.reopened", reason: "Evidence for training was for another team.", actorId: actors.staff!.personId });
  });

  it("refuses to reopen what is not final", async () => {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    await expectRefusedWithoutWrites(() => reopenRating(actors.staff!, { ratingId: created.ratingId, expectedVersion: 1, reason: "x" }), ConflictError);
  });
});

describe("no lost updates", () => {
  it("refuses an edit made from a stale version", async () => {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    await saveRating(actors.managementSponsor!, quarterlyInput({ expectedVersion: 1, checks: checksThrough(3) }));
    await expectRefusedWithoutWrites(
      () => saveRating(actors.unionSponsor!, quarterlyInput({ expectedVersion: 1, checks: checksThrough(5) })),
      ConflictError,
      /Someone else changed this rating/,
    );
    expect((await prisma.rating.findUniqueOrThrow({ where: { id: created.ratingId } })).level).toBe(3);
  });

  it("lets exactly one of two simultaneous edits through", async () => {
    await saveRating(actors.unionSponsor!, quarterlyInput());
    const results = await Promise.allSettled([
      saveRating(actors.unionSponsor!, quarterlyInput({ expectedVersion: 1, checks: checksThrough(2) })),
      saveRating(actors.managementSponsor!, quarterlyInput({ expectedVersion: 1, checks: checksThrough(5) })),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(ConflictError);
  });

  it("lets exactly one of two simultaneous first saves create the rating", async () => {
    const results = await Promise.allSettled([saveRating(actors.unionSponsor!, quarterlyInput()), saveRating(actors.managementSponsor!, quarterlyInput())]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")?.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.rating.count({ where: { teamId: couriersId, quarter: QUARTER, kind: "QUARTERLY" } })).toBe(1);
  });
});

describe("invalid input gets a clear error and writes nothing", () => {
  it("an unknown team", async () => {
    await expectRefusedWithoutWrites(() => saveRating(actors.staff!, quarterlyInput({ teamId: "00000000-0000-4000-8000-000000000000" })), NotFoundError, /Unknown team/);
    await expectRefusedWithoutWrites(() => saveRating(actors.staff!, quarterlyInput({ teamId: "not-a-team" })), InvalidInputError, /Unknown team/);
  });

  it("a level outside 1–5", async () => {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    for (const level of [0, 6, 2.5, -1]) {
      await expectRefusedWithoutWrites(
        () => signRating(actors.unionSponsor!, { ratingId: created.ratingId, expectedVersion: 1, decision: "SIGNED", level }),
        InvalidInputError,
        /whole number from 1 to 5/,
      );
    }
  });

  it("a quarter in the future, or malformed", async () => {
    // The real clock's current quarter, on purpose: saveRating refuses quarters that have not begun by it.
    const future = addQuarters(currentQuarter(new Date()), 1);
    await expectRefusedWithoutWrites(() => saveRating(actors.staff!, quarterlyInput({ quarter: future })), InvalidInputError, /has not begun yet/);
    await expectRefusedWithoutWrites(() => saveRating(actors.staff!, quarterlyInput({ quarter: "2026-Q5" })), InvalidInputError, /quarter like 2021-Q2/);
  });

  it("a criterion from another criteria set", async () => {
    const draft = await prisma.criteriaSet.create({ data: { version: 99, name: "Another set", status: "DRAFT" } });
    const foreign = await prisma.criterion.create({ data: { setId: draft.id, dimension: "TRAINING", level: 1, position: 1, text: "From another set" } });
    try {
      await expectRefusedWithoutWrites(
        () => saveRating(actors.staff!, quarterlyInput({ checks: [...checksThrough(2), { criterionId: foreign.id, met: true }] })),
        InvalidInputError,
        /not part of criteria version 1/,
      );
    } finally {
      await prisma.criteriaSet.delete({ where: { id: draft.id } });
    }
  });

  it("a second rating for the same team and quarter", async () => {
    await saveRating(actors.unionSponsor!, quarterlyInput());
    await expectRefusedWithoutWrites(() => saveRating(actors.managementSponsor!, quarterlyInput()), ConflictError, /already exists/);
  });

  it("a quarter before the team was chartered, and over-long evidence", async () => {
    await expectRefusedWithoutWrites(() => saveRating(actors.staff!, quarterlyInput({ quarter: "1999-Q1" })), InvalidInputError, /chartered/);
    const longEvidence = [{ criterionId: criteria[0]!.id, met: true, evidence: "x".repeat(1001) }];
    await expectRefusedWithoutWrites(() => saveRating(actors.staff!, quarterlyInput({ checks: longEvidence })), InvalidInputError, /under 1,000 characters/);
  });
});

describe("who may do what with a rating", () => {
  const may = { save: "save", self: "self", sign: "sign" } as const;
  // Written out per role, independently of the permission matrix.
  const EXPECTED: Record<string, (keyof typeof may)[]> = {
    staff: ["save"],
    admin: [],
    finance: [],
    consultant: ["save"],
    unionSponsor: ["save", "sign"],
    managementSponsor: ["save", "sign"],
    laborColead: ["self"],
    managementColead: ["self"],
    georgiaConsultant: [],
    otherColoradoColead: [],
  };

  for (const [name, allowed] of Object.entries(EXPECTED)) {
    it(`${name}: ${allowed.length ? allowed.join(", ") : "nothing"}`, async () => {
      const actor = actors[name]!;
      const save = () => saveRating(actor, quarterlyInput());
      if (allowed.includes("save")) await save();
      else await expectRefusedWithoutWrites(save, ForbiddenError);
      await prisma.rating.deleteMany({ where: { teamId: couriersId, quarter: QUARTER } });

      const self = () => saveRating(actor, quarterlyInput({ kind: "SELF_ASSESSMENT" }));
      if (allowed.includes("self")) expect((await self()).status).toBe("DRAFT");
      else await expectRefusedWithoutWrites(self, ForbiddenError);

      const rating = await saveRating(actors.staff!, quarterlyInput());
      const sign = () => signRating(actor, { ratingId: rating.ratingId, expectedVersion: 1, decision: "SIGNED", level: 4 });
      if (allowed.includes("sign")) expect((await sign()).status).toBe("AWAITING_SIGNOFF");
      else await expectRefusedWithoutWrites(sign, ForbiddenError);
    });
  }

  it("a consultant may not change a rating once a sponsor has signed", async () => {
    const created = await saveRating(actors.consultant!, quarterlyInput());
    await signRating(actors.unionSponsor!, { ratingId: created.ratingId, expectedVersion: 1, decision: "SIGNED", level: 4 });
    await expectRefusedWithoutWrites(() => saveRating(actors.consultant!, quarterlyInput({ expectedVersion: 2, checks: checksThrough(3) })), ForbiddenError, /can change a rating a sponsor has signed/);
  });

  it("nobody edits a final rating without reopening it", async () => {
    const created = await saveRating(actors.unionSponsor!, quarterlyInput());
    await signRating(actors.unionSponsor!, { ratingId: created.ratingId, expectedVersion: 1, decision: "SIGNED", level: 4 });
    await signRating(actors.managementSponsor!, { ratingId: created.ratingId, expectedVersion: 2, decision: "SIGNED", level: 4 });
    await expectRefusedWithoutWrites(() => saveRating(actors.staff!, quarterlyInput({ expectedVersion: 3 })), ForbiddenError, /final/);
  });
});

it("the seeded history still reproduces the published 2021-Q2 totals", async () => {
  const quarter: Quarter = "2021-Q2";
  const [rated, highPerforming] = await Promise.all([
    prisma.rating.count({ where: { quarter, kind: "QUARTERLY", status: "FINAL" } }),
    prisma.rating.count({ where: { quarter, kind: "QUARTERLY", status: "FINAL", level: { gte: 4 } } }),
  ]);
  expect({ rated, highPerforming }).toEqual({ rated: 3651, highPerforming: 2674 });
});
