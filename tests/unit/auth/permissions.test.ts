import { describe, expect, it } from "vitest";
import { assertCan, can, covers, isEmptyScope, PERMISSION_WORDING, PERMISSIONS, refusalFor, scopeFor, scopeOrRefuse, type Action, type Grant, type Target } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";
import { RoleKind } from "@/lib/generated/prisma/enums";

const COLORADO = "region-colorado";
const GEORGIA = "region-georgia";
const COURIERS = { kind: "team", teamId: "team-couriers", regionId: COLORADO } as const satisfies Target;
const OTHER_COLORADO_TEAM = { kind: "team", teamId: "team-pharmacy", regionId: COLORADO } as const satisfies Target;
const GEORGIA_TEAM = { kind: "team", teamId: "team-atlanta", regionId: GEORGIA } as const satisfies Target;

const teamGrant = (role: RoleKind): Grant => ({ role, teamId: COURIERS.teamId, regionId: null });
const regionGrant = (role: RoleKind): Grant => ({ role, teamId: null, regionId: COLORADO });
const nationalGrant = (role: RoleKind): Grant => ({ role, teamId: null, regionId: null });

// The expected matrix, written out independently of PERMISSIONS so a slip in either shows.
const EXPECTED: Record<Action, RoleKind[]> = {
  "rollup.view": ["LMP_STAFF", "ADMIN", "CONSULTANT"],
  "team.view": ["LABOR_COLEAD", "MANAGEMENT_COLEAD", "PHYSICIAN_COLEAD", "UNION_SPONSOR", "MANAGEMENT_SPONSOR", "CONSULTANT", "LMP_STAFF", "FINANCE_REVIEWER", "ADMIN"],
  "rating.selfAssess": ["LABOR_COLEAD", "MANAGEMENT_COLEAD", "PHYSICIAN_COLEAD"],
  "rating.prepareDraft": ["CONSULTANT", "UNION_SPONSOR", "MANAGEMENT_SPONSOR", "LMP_STAFF"],
  "rating.rate": ["UNION_SPONSOR", "MANAGEMENT_SPONSOR", "LMP_STAFF"],
  "rating.signOff": ["UNION_SPONSOR", "MANAGEMENT_SPONSOR"],
  "rating.reopen": ["LMP_STAFF"],
  "criteria.edit": ["LMP_STAFF"],
  "criteria.publish": ["LMP_STAFF"],
  "project.edit": ["LABOR_COLEAD", "MANAGEMENT_COLEAD", "PHYSICIAN_COLEAD", "CONSULTANT"],
  "practice.adopt": ["LABOR_COLEAD", "MANAGEMENT_COLEAD", "PHYSICIAN_COLEAD", "CONSULTANT"],
  "savings.report": ["LABOR_COLEAD", "MANAGEMENT_COLEAD", "PHYSICIAN_COLEAD", "CONSULTANT"],
  "savings.validate": ["LMP_STAFF", "FINANCE_REVIEWER"],
  "audit.view": ["LMP_STAFF", "ADMIN"],
  "people.view": ["LMP_STAFF", "ADMIN", "CONSULTANT"],
  "admin.manage": ["ADMIN"],
  "roster.edit": ["LABOR_COLEAD", "MANAGEMENT_COLEAD", "PHYSICIAN_COLEAD", "ADMIN"],
};

const ALL_ROLES: RoleKind[] = Object.values(RoleKind);

describe("the permission matrix", () => {
  it("lists exactly the expected actions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const action of Object.keys(EXPECTED) as Action[]) {
    for (const role of ALL_ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`${allowed ? "lets" : "refuses"} ${role} ${action} (national scope)`, () => {
        expect(can({ grants: [nationalGrant(role)] }, action, COURIERS)).toBe(allowed);
      });
    }
  }

  it("refuses everything to someone with no grants", () => {
    for (const action of Object.keys(EXPECTED) as Action[]) {
      expect(can({ grants: [] }, action, COURIERS)).toBe(false);
      expect(can({ grants: [] }, action, { kind: "national" })).toBe(false);
    }
  });
});

describe("scope", () => {
  it("keeps a team grant to its own team", () => {
    const colead = { grants: [teamGrant("LABOR_COLEAD")] };
    expect(can(colead, "project.edit", COURIERS)).toBe(true);
    expect(can(colead, "project.edit", OTHER_COLORADO_TEAM)).toBe(false);
    expect(can(colead, "team.view", { kind: "region", regionId: COLORADO })).toBe(false);
    expect(can(colead, "team.view", { kind: "national" })).toBe(false);
  });

  it("keeps a regional grant to its region's teams and the region itself", () => {
    const consultant = { grants: [regionGrant("CONSULTANT")] };
    expect(can(consultant, "rollup.view", { kind: "region", regionId: COLORADO })).toBe(true);
    expect(can(consultant, "rollup.view", { kind: "region", regionId: GEORGIA })).toBe(false);
    expect(can(consultant, "rollup.view", { kind: "national" })).toBe(false);
    expect(can(consultant, "project.edit", OTHER_COLORADO_TEAM)).toBe(true);
    expect(can(consultant, "project.edit", GEORGIA_TEAM)).toBe(false);
  });

  it("lets a national grant reach everything", () => {
    const staff = { grants: [nationalGrant("LMP_STAFF")] };
    expect(can(staff, "rollup.view", { kind: "national" })).toBe(true);
    expect(can(staff, "rollup.view", { kind: "region", regionId: GEORGIA })).toBe(true);
    expect(can(staff, "rating.reopen", GEORGIA_TEAM)).toBe(true);
  });

  it("does not let one grant's scope lend another grant its role", () => {
    // A sponsor of the couriers who is also a co-lead elsewhere may not rate that other team.
    const actor = { grants: [teamGrant("UNION_SPONSOR"), { role: "LABOR_COLEAD" as const, teamId: GEORGIA_TEAM.teamId, regionId: null }] };
    expect(can(actor, "rating.rate", COURIERS)).toBe(true);
    expect(can(actor, "rating.rate", GEORGIA_TEAM)).toBe(false);
    expect(can(actor, "rating.selfAssess", GEORGIA_TEAM)).toBe(true);
  });

  it("covers() ignores a team grant's region", () => {
    expect(covers({ role: "UNION_SPONSOR", teamId: COURIERS.teamId, regionId: COLORADO }, { kind: "region", regionId: COLORADO })).toBe(false);
  });
});

describe("scopeFor", () => {
  it("is everything for a national grant", () => {
    expect(scopeFor({ grants: [nationalGrant("LMP_STAFF")] }, "rollup.view")).toEqual({ all: true });
  });

  it("lists regions and teams reached through permitted roles only", () => {
    const actor = { grants: [regionGrant("CONSULTANT"), teamGrant("LABOR_COLEAD"), teamGrant("UNION_SPONSOR")] };
    expect(scopeFor(actor, "rollup.view")).toEqual({ all: false, regionIds: [COLORADO], teamIds: [] });
    expect(scopeFor(actor, "rating.rate")).toEqual({ all: false, regionIds: [], teamIds: [COURIERS.teamId] });
  });

  it("is empty for a role without the action", () => {
    const scope = scopeFor({ grants: [teamGrant("LABOR_COLEAD")] }, "rollup.view");
    expect(isEmptyScope(scope)).toBe(true);
  });
});

describe("the matrix in words", () => {
  it("words every permission: who holds it and what it lets them do", () => {
    expect(Object.keys(PERMISSION_WORDING).sort()).toEqual(Object.keys(PERMISSIONS).sort());
    for (const { who, does } of Object.values(PERMISSION_WORDING)) {
      expect(who).toMatch(/^[a-zA-Z]/);
      expect(does).toMatch(/^[a-z]/);
    }
  });

  it("refuses in those words, so every page and service says the same", () => {
    expect(refusalFor("rating.reopen")).toBe("Only LMP staff can reopen a final rating.");
    expect(() => assertCan({ grants: [] }, "rating.reopen", { kind: "national" })).toThrow(new ForbiddenError("Only LMP staff can reopen a final rating."));
    expect(() => scopeOrRefuse({ grants: [] }, "savings.validate")).toThrow("Only LMP staff and finance reviewers (for their own region) can validate or reject savings.");
    expect(scopeOrRefuse({ grants: [{ role: "FINANCE_REVIEWER", teamId: null, regionId: "r-1" }] }, "savings.validate")).toEqual({ all: false, regionIds: ["r-1"], teamIds: [] });
  });
});
