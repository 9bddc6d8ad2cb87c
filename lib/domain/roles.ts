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
