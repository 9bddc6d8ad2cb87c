import "server-only";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import type { KeyTeamRole } from "@/lib/generated/prisma/enums";

export type RosterMember = { id: string; personId: string; name: string; joinedOn: Date; leftOn: Date | null; keyRoles: KeyTeamRole[] };

export type TeamRoster = {
  current: RosterMember[];
  /** Who has left, most recent first, with the roles they held. */
  past: RosterMember[];
  /** Current members holding the role the Path to Performance asks for at level 4. */
  healthAndSafetyChampions: string[];
  mayEdit: boolean;
};

/** A team's roster, for whoever may see the team. */
export async function getTeamRoster(actor: Actor, teamId: string): Promise<TeamRoster> {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", team);
  const members = await prisma.teamMember.findMany({
    where: { teamId: team.teamId },
    orderBy: [{ person: { displayName: "asc" } }, { joinedOn: "desc" }],
    select: { id: true, personId: true, joinedOn: true, leftOn: true, keyRoles: true, person: { select: { displayName: true } } },
  });
  const rows = members.map(({ person, ...member }) => ({ ...member, name: person.displayName }));
  const current = rows.filter((member) => member.leftOn === null);
  return {
    current,
    past: rows.filter((member) => member.leftOn !== null).sort((a, b) => b.leftOn!.getTime() - a.leftOn!.getTime()),
    healthAndSafetyChampions: current.filter((member) => member.keyRoles.includes("HEALTH_AND_SAFETY_CHAMPION")).map((member) => member.name),
    mayEdit: can(actor, "roster.edit", team),
  };
}

export type PersonChoice = { value: string; label: string };

/** The team's current roster as choices for naming people on its work, for those who may edit its projects. */
export async function listRosterChoices(actor: Actor, teamId: string, now: Date = new Date()): Promise<PersonChoice[]> {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "project.edit", team);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const people = await prisma.person.findMany({
    where: { teamMemberships: { some: { teamId: team.teamId, joinedOn: { lte: today }, OR: [{ leftOn: null }, { leftOn: { gte: today } }] } } },
    select: { id: true, displayName: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return people.map((person) => ({ value: person.id, label: person.displayName }));
}
