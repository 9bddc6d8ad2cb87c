import "server-only";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Scope, Target } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Quarter } from "@/lib/domain/quarter";

export type TeamTarget = Extract<Target, { kind: "team" }> & { name: string; charteredQuarter: Quarter; retiredQuarter: Quarter | null };

/** The permission target for a team (with what rules about it need); an unknown id is a NotFoundError. */
export async function getTeamTargetOrThrow(teamId: string): Promise<TeamTarget> {
  const team = isUuid(teamId)
    ? await prisma.team.findUnique({ where: { id: teamId }, select: { id: true, regionId: true, name: true, charteredQuarter: true, retiredQuarter: true } })
    : null;
  if (!team) throw new NotFoundError("Unknown team: it does not exist or was removed.");
  return { kind: "team", teamId: team.id, regionId: team.regionId, name: team.name, charteredQuarter: team.charteredQuarter as Quarter, retiredQuarter: team.retiredQuarter as Quarter | null };
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a record (and would make Postgres raise). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** The teams a scope reaches, as a Prisma filter: a forgotten check returns nothing, never everything. */
export function teamsInScope(scope: Scope): Prisma.TeamWhereInput {
  if (scope.all) return {};
  return { OR: [{ regionId: { in: scope.regionIds } }, { id: { in: scope.teamIds } }] };
}

/** The SQL twin of `teamsInScope`: rows of the scope's regions and teams (by the given columns); nothing for an empty scope. */
export function teamsInScopeSql(scope: Scope, columns: { regionId: Prisma.Sql; teamId: Prisma.Sql }): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  const reach = [
    ...(scope.regionIds.length > 0 ? [Prisma.sql`${columns.regionId} = ANY(${scope.regionIds}::uuid[])`] : []),
    ...(scope.teamIds.length > 0 ? [Prisma.sql`${columns.teamId} = ANY(${scope.teamIds}::uuid[])`] : []),
  ];
  return reach.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`(${Prisma.join(reach, " OR ")})`;
}
