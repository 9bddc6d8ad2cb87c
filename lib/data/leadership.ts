import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { byCurrentThenRecent, isCurrent } from "@/lib/domain/role-assignments";
import { HANDOVER_ROLES } from "@/lib/domain/roles";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { todayUtc } from "@/lib/validation/dates";

export type LeadershipHolder = { assignmentId: string; personName: string; startDate: Date; endDate: Date | null; current: boolean };

/** Everyone who held one of the team's leading roles, current first. */
export type LeadershipRole = { role: RoleKind; holders: LeadershipHolder[] };

/** Who led (co-leads) and sponsored the team, and when: for everyone who may see the team. Roles nobody ever held are left out. */
export async function getTeamLeadership(actor: Actor, teamId: string, today: Date = todayUtc()): Promise<LeadershipRole[]> {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", team);
  const assignments = await prisma.roleAssignment.findMany({
    where: { teamId: team.teamId, role: { in: [...HANDOVER_ROLES] } },
    select: { id: true, role: true, startDate: true, endDate: true, person: { select: { displayName: true } } },
  });
  return HANDOVER_ROLES.map((role) => ({
    role,
    holders: byCurrentThenRecent(
      assignments.filter((assignment) => assignment.role === role),
      today,
    ).map((assignment) => ({
      assignmentId: assignment.id,
      personName: assignment.person.displayName,
      startDate: assignment.startDate,
      endDate: assignment.endDate,
      current: isCurrent(assignment, today),
    })),
  })).filter((entry) => entry.holders.length > 0);
}
