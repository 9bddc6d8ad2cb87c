import type { Actor } from "@/lib/auth/permissions";
import type { KeyTeamRole, RoleKind } from "@/lib/generated/prisma/enums";

export const ROLE_LABELS: Record<RoleKind, string> = {
  LABOR_COLEAD: "Labor co-lead",
  MANAGEMENT_COLEAD: "Management co-lead",
  PHYSICIAN_COLEAD: "Physician co-lead",
  UNION_SPONSOR: "Union sponsor",
  MANAGEMENT_SPONSOR: "Management sponsor",
  CONSULTANT: "UBT consultant",
  LMP_STAFF: "LMP staff",
  FINANCE_REVIEWER: "Finance reviewer",
  ADMIN: "Administrator",
};

/** The roles that lead a team together: both sides, and a physician in some clinical teams. */
export const COLEAD_ROLES: readonly RoleKind[] = ["LABOR_COLEAD", "MANAGEMENT_COLEAD", "PHYSICIAN_COLEAD"];

/** The teams the actor co-leads, each once. */
export function ledTeamIds(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((grant) => COLEAD_ROLES.includes(grant.role) && grant.teamId).map((grant) => grant.teamId!))];
}

/** Where a role can be held, as the database's CHECKs require: a team's leads and sponsors on a team, the rest on a region or (national) everywhere. */
export type RoleScopeKind = "team" | "region" | "national";

export const ROLE_SCOPES: Record<RoleKind, readonly RoleScopeKind[]> = {
  LABOR_COLEAD: ["team"],
  MANAGEMENT_COLEAD: ["team"],
  PHYSICIAN_COLEAD: ["team"],
  UNION_SPONSOR: ["team"],
  MANAGEMENT_SPONSOR: ["team"],
  CONSULTANT: ["region"],
  LMP_STAFF: ["region", "national"],
  FINANCE_REVIEWER: ["region", "national"],
  ADMIN: ["region", "national"],
};

/** The roles one person hands to a successor (a team has one holder of each at a time by convention). */
export const HANDOVER_ROLES: readonly RoleKind[] = [...COLEAD_ROLES, "UNION_SPONSOR", "MANAGEMENT_SPONSOR"];

export const KEY_TEAM_ROLE_LABELS: Record<KeyTeamRole, string> = {
  FACILITATOR: "Facilitator",
  RECORDER: "Recorder",
  HEALTH_AND_SAFETY_CHAMPION: "Health and safety champion",
};
