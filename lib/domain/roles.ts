import type { Actor } from "@/lib/auth/permissions";
import type { RoleKind } from "@/lib/generated/prisma/enums";

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
const COLEAD_ROLES: readonly RoleKind[] = ["LABOR_COLEAD", "MANAGEMENT_COLEAD", "PHYSICIAN_COLEAD"];

/** The teams the actor co-leads, each once. */
export function ledTeamIds(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((grant) => COLEAD_ROLES.includes(grant.role) && grant.teamId).map((grant) => grant.teamId!))];
}
