import type { RoleKind } from "@/lib/generated/prisma/enums";
import { ForbiddenError } from "@/lib/errors";

/**
 * The one permission matrix: which roles may take which action. Where a role may
 * act is decided separately by the scope of its assignment (see `covers`).
 * Everything not listed is refused.
 */
export const PERMISSIONS = {
  "rollup.view": ["LMP_STAFF", "ADMIN", "CONSULTANT"],
  "team.view": [
    "LABOR_COLEAD",
    "MANAGEMENT_COLEAD",
    "PHYSICIAN_COLEAD",
    "UNION_SPONSOR",
    "MANAGEMENT_SPONSOR",
    "CONSULTANT",
    "LMP_STAFF",
    "FINANCE_REVIEWER",
    "ADMIN",
  ],
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
} as const satisfies Record<string, readonly RoleKind[]>;

export type Action = keyof typeof PERMISSIONS;

/**
 * The matrix in words, beside it so the two change together: who holds each permission
 * (with their scope) and what it lets them do. Refusals and the "not permitted" page
 * say these, so pages, data functions and services never word a refusal themselves.
 */
export const PERMISSION_WORDING: Record<Action, { who: string; does: string }> = {
  "rollup.view": { who: "LMP staff, administrators and UBT consultants (for their own region)", does: "see the roll-ups of teams" },
  "team.view": {
    who: "the team's co-leads and sponsors, its region's UBT consultants, and partnership staff (LMP staff, finance reviewers, administrators)",
    does: "see this team's records",
  },
  "rating.selfAssess": { who: "the team's co-leads", does: "change the team's self-assessment" },
  "rating.prepareDraft": { who: "the team's sponsors, its region's UBT consultants and LMP staff", does: "prepare the team's quarterly rating" },
  "rating.rate": { who: "the team's sponsors and LMP staff", does: "change a rating a sponsor has signed" },
  "rating.signOff": { who: "the team's union and management sponsors", does: "sign the team's rating" },
  "rating.reopen": { who: "LMP staff", does: "reopen a final rating" },
  // National: the criteria are the partnership's, so a regional LMP staff grant does not reach them.
  "criteria.edit": { who: "national LMP staff", does: "edit the Path to Performance criteria" },
  "criteria.publish": { who: "national LMP staff", does: "publish a version of the criteria" },
  "project.edit": { who: "the team's co-leads and its region's UBT consultants", does: "change the team's projects" },
  "practice.adopt": { who: "the adopting team's co-leads and its region's UBT consultants", does: "adopt a practice for the team" },
  "savings.report": { who: "the team's co-leads and its region's UBT consultants", does: "report the team's savings" },
  "savings.validate": { who: "LMP staff and finance reviewers (for their own region)", does: "validate or reject savings" },
  // National: an audit entry does not say which region its record is in (lib/data/audit-log.ts); each record's History page is open to whoever sees the record.
  "audit.view": { who: "national LMP staff and administrators", does: "read the whole audit log" },
  "people.view": {
    who: "LMP staff, administrators and UBT consultants (for the people placed in their region)",
    does: "see the people directory",
  },
  "admin.manage": { who: "administrators (national, or of the region concerned)", does: "administer the organisation" },
  "roster.edit": { who: "the team's co-leads and administrators", does: "change the team's roster" },
};

/** The refusal for an action, in the matrix's words: "Only LMP staff can reopen a final rating." */
export function refusalFor(action: Action): string {
  const { who, does } = PERMISSION_WORDING[action];
  return `Only ${who} can ${does}.`;
}

/** An active role assignment: a team, a region, or (both null) the whole partnership. */
export type Grant = { role: RoleKind; teamId: string | null; regionId: string | null };

export type Target =
  | { kind: "national" }
  | { kind: "region"; regionId: string }
  | { kind: "team"; teamId: string; regionId: string };

export type Actor = { grants: readonly Grant[] };

/** An actor who is a person in the records: whatever they change is attributed to them. */
export type PersonActor = Actor & { personId: string };

function roleMay(role: RoleKind, action: Action): boolean {
  return (PERMISSIONS[action] as readonly RoleKind[]).includes(role);
}

/** Whether an assignment's scope reaches the target. */
export function covers(grant: Grant, target: Target): boolean {
  if (grant.teamId !== null) return target.kind === "team" && target.teamId === grant.teamId;
  if (grant.regionId !== null) return target.kind !== "national" && target.regionId === grant.regionId;
  return true;
}

export function can(actor: Actor, action: Action, target: Target): boolean {
  return actor.grants.some((grant) => roleMay(grant.role, action) && covers(grant, target));
}

/** The grants through which the actor may take the action somewhere. */
export function grantsFor(actor: Actor, action: Action): Grant[] {
  return actor.grants.filter((grant) => roleMay(grant.role, action));
}

/**
 * Where the actor may take the action, in a form a query can use:
 * everything, or these regions and these teams (either may be empty).
 */
export type Scope = { all: true } | { all: false; regionIds: string[]; teamIds: string[] };

export function scopeFor(actor: Actor, action: Action): Scope {
  const grants = grantsFor(actor, action);
  if (grants.some((grant) => grant.teamId === null && grant.regionId === null)) return { all: true };
  return {
    all: false,
    regionIds: unique(grants.filter((grant) => grant.teamId === null).map((grant) => grant.regionId as string)),
    teamIds: unique(grants.map((grant) => grant.teamId).filter((id): id is string => id !== null)),
  };
}

export function isEmptyScope(scope: Scope): boolean {
  return !scope.all && scope.regionIds.length === 0 && scope.teamIds.length === 0;
}

/** Where the actor may take the action, for lists and roll-ups; refused in the matrix's words when that is nowhere. */
export function scopeOrRefuse(actor: Actor, action: Action): Scope {
  const scope = scopeFor(actor, action);
  if (isEmptyScope(scope)) throw new ForbiddenError(refusalFor(action));
  return scope;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** For every action and read: refuse, in the matrix's words, unless the matrix allows it here. */
export function assertCan(actor: Actor, action: Action, target: Target): void {
  if (!can(actor, action, target)) throw new ForbiddenError(refusalFor(action));
}
