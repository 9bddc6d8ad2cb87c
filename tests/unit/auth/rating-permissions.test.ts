import { describe, expect, it } from "vitest";
import { refusalFor, type Action, type Actor, type Grant } from "@/lib/auth/permissions";
import { assertPermitted, mayEditRating, mayReopen, maySign, quarterRule, refusalError, type Permission, type RatingTeam } from "@/lib/auth/rating-permissions";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import { RoleKind, type RatingKind, type RatingStatus } from "@/lib/generated/prisma/enums";

const COLORADO = "region-colorado";
const GEORGIA = "region-georgia";
const COURIERS: RatingTeam = { kind: "team", teamId: "team-couriers", regionId: COLORADO, name: "Colorado Couriers", charteredQuarter: "2012-Q1", retiredQuarter: null };
const OTHER_TEAM = "team-pharmacy";

// Mid-May 2026: the current quarter is 2026-Q2.
const NOW = new Date(Date.UTC(2026, 4, 15));
const THIS_QUARTER = "2026-Q2";

const ALL_ROLES: RoleKind[] = Object.values(RoleKind);

/** Each role as the seed assigns it: co-leads and sponsors to a team, consultants to a region, partnership staff nationally. */
function grantFor(role: RoleKind, place: { teamId?: string; regionId?: string } = {}): Grant {
  if (role.endsWith("_COLEAD") || role.endsWith("_SPONSOR")) return { role, teamId: place.teamId ?? COURIERS.teamId, regionId: null };
  if (role === "CONSULTANT") return { role, teamId: null, regionId: place.regionId ?? COLORADO };
  return { role, teamId: null, regionId: null };
}

const actorWith = (...grants: Grant[]): Actor => ({ grants });
const as = (role: RoleKind): Actor => actorWith(grantFor(role));

const FINAL_MESSAGE = "This rating is final. LMP staff can reopen it, with a reason.";

/** What a rule should answer: allowed, a refusal in the matrix's words for an action, or the final rating's refusal. */
type Expected = "allowed" | "final" | Action;

function expectAnswer(permission: Permission, expected: Expected) {
  if (expected === "allowed") return expect(permission).toEqual({ allowed: true });
  const reason = expected === "final" ? FINAL_MESSAGE : refusalFor(expected);
  expect(permission).toEqual({ allowed: false, kind: "forbidden", reason });
}

// ───────────────────────────── editing ─────────────────────────────

type StatusKey = "not started" | RatingStatus;
const STATUSES: StatusKey[] = ["not started", "DRAFT", "AWAITING_SIGNOFF", "DISPUTED", "FINAL"];

const every = (expected: Expected): Record<StatusKey, Expected> => ({
  "not started": expected,
  DRAFT: expected,
  AWAITING_SIGNOFF: expected,
  DISPUTED: expected,
  FINAL: expected,
});
/** Edits until the rating is final. */
const untilFinal: Record<StatusKey, Expected> = { ...every("allowed"), FINAL: "final" };
/** A consultant prepares the draft: once a sponsor has signed (or disagreed), only those who rate may change it. */
const draftOnly: Record<StatusKey, Expected> = { ...untilFinal, AWAITING_SIGNOFF: "rating.rate", DISPUTED: "rating.rate" };

// Written out per role, kind and status, independently of the rules' code.
const EXPECTED_EDIT: Record<RatingKind, Record<RoleKind, Record<StatusKey, Expected>>> = {
  QUARTERLY: {
    LABOR_COLEAD: every("rating.prepareDraft"),
    MANAGEMENT_COLEAD: every("rating.prepareDraft"),
    PHYSICIAN_COLEAD: every("rating.prepareDraft"),
    UNION_SPONSOR: untilFinal,
    MANAGEMENT_SPONSOR: untilFinal,
    CONSULTANT: draftOnly,
    LMP_STAFF: untilFinal,
    FINANCE_REVIEWER: every("rating.prepareDraft"),
    ADMIN: every("rating.prepareDraft"),
  },
  SELF_ASSESSMENT: {
    LABOR_COLEAD: untilFinal,
    MANAGEMENT_COLEAD: untilFinal,
    PHYSICIAN_COLEAD: untilFinal,
    UNION_SPONSOR: every("rating.selfAssess"),
    MANAGEMENT_SPONSOR: every("rating.selfAssess"),
    CONSULTANT: every("rating.selfAssess"),
    LMP_STAFF: every("rating.selfAssess"),
    FINANCE_REVIEWER: every("rating.selfAssess"),
    ADMIN: every("rating.selfAssess"),
  },
};

describe("mayEditRating: who may change a rating's criteria", () => {
  for (const kind of ["QUARTERLY", "SELF_ASSESSMENT"] as const) {
    for (const role of ALL_ROLES) {
      for (const status of STATUSES) {
        const expected = EXPECTED_EDIT[kind][role][status];
        it(`${role}, ${kind}, ${status}: ${expected}`, () => {
          const rating = { quarter: THIS_QUARTER, kind, status: status === "not started" ? null : status } as const;
          expectAnswer(mayEditRating(as(role), COURIERS, rating, NOW), expected);
        });
      }
    }
  }

  it("keeps team grants to their own team and regional ones to their region", () => {
    const rating = { quarter: THIS_QUARTER, kind: "QUARTERLY", status: "DRAFT" } as const;
    expectAnswer(mayEditRating(actorWith(grantFor("UNION_SPONSOR", { teamId: OTHER_TEAM })), COURIERS, rating, NOW), "rating.prepareDraft");
    expectAnswer(mayEditRating(actorWith(grantFor("CONSULTANT", { regionId: GEORGIA })), COURIERS, rating, NOW), "rating.prepareDraft");
    expectAnswer(mayEditRating(actorWith({ role: "LMP_STAFF", teamId: null, regionId: GEORGIA }), COURIERS, rating, NOW), "rating.prepareDraft");
    expectAnswer(mayEditRating(actorWith({ role: "LMP_STAFF", teamId: null, regionId: COLORADO }), COURIERS, rating, NOW), "allowed");
    const selfAssessment = { ...rating, kind: "SELF_ASSESSMENT" } as const;
    expectAnswer(mayEditRating(actorWith(grantFor("LABOR_COLEAD", { teamId: OTHER_TEAM })), COURIERS, selfAssessment, NOW), "rating.selfAssess");
  });

  it("lets a consultant who is also a sponsor of the team change a signed rating: any grant that allows it counts", () => {
    const both = actorWith(grantFor("CONSULTANT"), grantFor("UNION_SPONSOR"));
    expectAnswer(mayEditRating(both, COURIERS, { quarter: THIS_QUARTER, kind: "QUARTERLY", status: "AWAITING_SIGNOFF" }, NOW), "allowed");
  });

  it("refuses everything to someone with no grants", () => {
    for (const kind of ["QUARTERLY", "SELF_ASSESSMENT"] as const) {
      expect(mayEditRating(actorWith(), COURIERS, { quarter: THIS_QUARTER, kind, status: null }, NOW).allowed).toBe(false);
    }
  });
});

describe("the quarters a team can be rated for", () => {
  const staff = as("LMP_STAFF");
  const quarterly = (quarter: `${number}-Q${1 | 2 | 3 | 4}`) => ({ quarter, kind: "QUARTERLY", status: null }) as const;

  it("runs from the quarter the team was chartered in to the current one", () => {
    expect(quarterRule(COURIERS, "2012-Q1", NOW)).toEqual({ allowed: true });
    expect(quarterRule(COURIERS, THIS_QUARTER, NOW)).toEqual({ allowed: true });
    expect(mayEditRating(staff, COURIERS, quarterly("2012-Q1"), NOW)).toEqual({ allowed: true });
  });

  it("refuses a quarter that has not begun, naming the quarter field", () => {
    const refusal = { allowed: false, kind: "invalid", reason: "Q3 2026 has not begun yet: a quarter can be rated from its first day.", fieldErrors: { quarter: ["Choose the current quarter or an earlier one"] } };
    expect(quarterRule(COURIERS, "2026-Q3", NOW)).toEqual(refusal);
    expect(mayEditRating(staff, COURIERS, quarterly("2026-Q3"), NOW)).toEqual(refusal);
    expect(mayEditRating(as("LABOR_COLEAD"), COURIERS, { quarter: "2026-Q3", kind: "SELF_ASSESSMENT", status: null }, NOW)).toEqual(refusal);
  });

  it("refuses a quarter before the team's charter", () => {
    const refusal = {
      allowed: false,
      kind: "invalid",
      reason: "Colorado Couriers was chartered in Q1 2012; it has no rating for Q4 2011.",
      fieldErrors: { quarter: ["Choose 2012-Q1 or later"] },
    };
    expect(quarterRule(COURIERS, "2011-Q4", NOW)).toEqual(refusal);
    expect(mayEditRating(staff, COURIERS, quarterly("2011-Q4"), NOW)).toEqual(refusal);
  });

  it("authorises first: someone who may not rate the team learns nothing about its charter or the quarter", () => {
    for (const quarter of ["2011-Q4", "2026-Q3"] as const) {
      expectAnswer(mayEditRating(as("LABOR_COLEAD"), COURIERS, quarterly(quarter), NOW), "rating.prepareDraft");
      expectAnswer(mayEditRating(as("UNION_SPONSOR"), COURIERS, { quarter, kind: "SELF_ASSESSMENT", status: null }, NOW), "rating.selfAssess");
    }
  });

  it("is checked before the rating's status", () => {
    expect(mayEditRating(staff, COURIERS, { quarter: "2011-Q4", kind: "QUARTERLY", status: "FINAL" }, NOW)).toMatchObject({ kind: "invalid" });
  });
});

// ───────────────────────────── signing ─────────────────────────────

const SIGNABLE = { kind: "QUARTERLY", status: "DRAFT", level: 4 } as const;

describe("maySign: who may sign a rating, and for which side", () => {
  for (const role of ALL_ROLES) {
    const side = role === "UNION_SPONSOR" ? "UNION" : role === "MANAGEMENT_SPONSOR" ? "MANAGEMENT" : null;
    for (const status of ["DRAFT", "AWAITING_SIGNOFF", "DISPUTED"] as const) {
      it(`${role}, ${status}: ${side ? `signs for the ${side.toLowerCase()} side` : "refused"}`, () => {
        const answer = maySign(as(role), COURIERS, { ...SIGNABLE, status });
        if (side) expect(answer).toEqual({ allowed: true, side });
        else expect(answer).toEqual({ allowed: false, kind: "forbidden", reason: refusalFor("rating.signOff") });
      });
    }
    it(`${role}, FINAL: refused`, () => {
      const answer = maySign(as(role), COURIERS, { ...SIGNABLE, status: "FINAL" });
      if (side) expect(answer).toEqual({ allowed: false, kind: "conflict", reason: "This rating is already final." });
      else expect(answer).toEqual({ allowed: false, kind: "forbidden", reason: refusalFor("rating.signOff") });
    });
  }

  it("refuses a rating below level 1: there is no level to attest to", () => {
    expect(maySign(as("UNION_SPONSOR"), COURIERS, { ...SIGNABLE, level: null })).toEqual({
      allowed: false,
      kind: "invalid",
      reason: "This rating does not reach level 1 yet, so it cannot be signed. Complete the criteria first.",
    });
  });

  it("refuses a self-assessment: sponsors sign the quarterly rating", () => {
    expect(maySign(as("MANAGEMENT_SPONSOR"), COURIERS, { ...SIGNABLE, kind: "SELF_ASSESSMENT" })).toEqual({
      allowed: false,
      kind: "invalid",
      reason: "Self-assessments are not signed; sponsors sign the quarterly rating.",
    });
  });

  it("refuses a sponsor of another team", () => {
    expect(maySign(actorWith(grantFor("UNION_SPONSOR", { teamId: OTHER_TEAM })), COURIERS, SIGNABLE)).toEqual({
      allowed: false,
      kind: "forbidden",
      reason: refusalFor("rating.signOff"),
    });
  });

  it("refuses someone recorded as the sponsor of both sides, whatever the rating", () => {
    const both = actorWith(grantFor("UNION_SPONSOR"), grantFor("MANAGEMENT_SPONSOR"));
    const refusal = {
      allowed: false,
      kind: "forbidden",
      reason: "You are recorded as both the union and the management sponsor of this team; ask LMP staff to correct the assignment.",
    };
    expect(maySign(both, COURIERS, SIGNABLE)).toEqual(refusal);
    expect(maySign(both, COURIERS, { ...SIGNABLE, status: "FINAL" })).toEqual(refusal);
  });

  it("lets a sponsor of both sides of different teams sign each for its own side", () => {
    const actor = actorWith(grantFor("UNION_SPONSOR"), grantFor("MANAGEMENT_SPONSOR", { teamId: OTHER_TEAM }));
    expect(maySign(actor, COURIERS, SIGNABLE)).toEqual({ allowed: true, side: "UNION" });
    expect(maySign(actor, { ...COURIERS, teamId: OTHER_TEAM }, SIGNABLE)).toEqual({ allowed: true, side: "MANAGEMENT" });
  });

  it("counts a sponsor's side once when the same assignment is recorded twice", () => {
    expect(maySign(actorWith(grantFor("UNION_SPONSOR"), grantFor("UNION_SPONSOR")), COURIERS, SIGNABLE)).toEqual({ allowed: true, side: "UNION" });
  });
});

// ───────────────────────────── reopening ─────────────────────────────

describe("mayReopen: LMP staff reopen a final rating", () => {
  for (const role of ALL_ROLES) {
    for (const status of ["DRAFT", "AWAITING_SIGNOFF", "DISPUTED", "FINAL"] as const) {
      const expected = role !== "LMP_STAFF" ? "forbidden" : status === "FINAL" ? "allowed" : "conflict";
      it(`${role}, ${status}: ${expected}`, () => {
        const answer = mayReopen(as(role), COURIERS, { status });
        if (expected === "allowed") expect(answer).toEqual({ allowed: true });
        else if (expected === "conflict") expect(answer).toEqual({ allowed: false, kind: "conflict", reason: "Only a final rating can be reopened." });
        else expect(answer).toEqual({ allowed: false, kind: "forbidden", reason: refusalFor("rating.reopen") });
      });
    }
  }

  it("keeps regional LMP staff to their own region", () => {
    expect(mayReopen(actorWith({ role: "LMP_STAFF", teamId: null, regionId: COLORADO }), COURIERS, { status: "FINAL" })).toEqual({ allowed: true });
    expect(mayReopen(actorWith({ role: "LMP_STAFF", teamId: null, regionId: GEORGIA }), COURIERS, { status: "FINAL" }).allowed).toBe(false);
  });
});

// ───────────────────────────── refusals as errors ─────────────────────────────

describe("a refusal as the error a service throws", () => {
  it("is a 403, a 422 naming its fields, or a 409", () => {
    expect(refusalError({ allowed: false, kind: "forbidden", reason: "No" })).toBeInstanceOf(ForbiddenError);
    const invalid = refusalError({ allowed: false, kind: "invalid", reason: "Not yet", fieldErrors: { quarter: ["Choose another"] } });
    expect(invalid).toBeInstanceOf(InvalidInputError);
    expect(invalid).toMatchObject({ message: "Not yet", status: 422, fieldErrors: { quarter: ["Choose another"] } });
    expect(refusalError({ allowed: false, kind: "conflict", reason: "Already" })).toMatchObject({ message: "Already", status: 409 });
    expect(refusalError({ allowed: false, kind: "conflict", reason: "Already" })).toBeInstanceOf(ConflictError);
  });

  it("throws only when refused", () => {
    expect(() => assertPermitted({ allowed: true })).not.toThrow();
    expect(() => assertPermitted(maySign(as("LMP_STAFF"), COURIERS, SIGNABLE))).toThrow(refusalFor("rating.signOff"));
  });
});
