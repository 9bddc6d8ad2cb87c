import "server-only";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Target } from "@/lib/auth/permissions";

/** The permission target for a team; an unknown id is a NotFoundError, never a silent pass. */
export async function getTeamTargetOrThrow(teamId: string): Promise<Extract<Target, { kind: "team" }>> {
  const team = isUuid(teamId) ? await prisma.team.findUnique({ where: { id: teamId }, select: { id: true, regionId: true } }) : null;
  if (!team) throw new NotFoundError("Unknown team: it does not exist or was removed.");
  return { kind: "team", teamId: team.id, regionId: team.regionId };
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a record (and would make Postgres raise). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
