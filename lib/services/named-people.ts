import "server-only";
import { prisma } from "@/lib/db";
import { InvalidInputError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// Naming people on a project, a PDSA cycle or a measure update is what engagement
// counts (lib/domain/engagement.ts): only the team's current roster may be named.

type Tx = Prisma.TransactionClient;

/** A named person, as the audit log keeps them. */
export type NamedPerson = { id: string; name: string };

function todayUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The people, once each is on the team's roster today; anyone else is refused
 * by name (or as unknown) against `field`, before anything is written.
 */
export async function rosterPeopleOrThrow(teamId: string, personIds: readonly string[], field: string, now: Date = new Date()): Promise<NamedPerson[]> {
  if (personIds.length === 0) return [];
  const today = todayUtc(now);
  const onRoster = await prisma.teamMember.findMany({
    where: { teamId, personId: { in: [...personIds] }, joinedOn: { lte: today }, OR: [{ leftOn: null }, { leftOn: { gte: today } }] },
    select: { person: { select: { id: true, displayName: true } } },
  });
  const found = new Map(onRoster.map(({ person }) => [person.id, person.displayName]));
  const missing = personIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const known = await prisma.person.findMany({ where: { id: { in: missing } }, select: { displayName: true }, orderBy: { displayName: "asc" } });
    const names = [...known.map((person) => person.displayName), ...(known.length < missing.length ? ["someone unknown"] : [])];
    const message = `Only people on the team's current roster can be named. Not on it: ${names.join(", ")}.`;
    throw new InvalidInputError(message, { [field]: [message] });
  }
  return personIds.map((id) => ({ id, name: found.get(id)! })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Names as the audit log shows them: sorted, so that the same people read the same. */
export function namesOf(people: readonly NamedPerson[]): string[] {
  return people.map((person) => person.name).sort((a, b) => a.localeCompare(b));
}

/** The people named on the project now (not removed). */
export async function currentProjectMembers(tx: Tx, projectId: string): Promise<NamedPerson[]> {
  const rows = await tx.projectMember.findMany({ where: { projectId, removedOn: null }, select: { person: { select: { id: true, displayName: true } } } });
  return rows.map(({ person }) => ({ id: person.id, name: person.displayName }));
}

/**
 * Makes the project's current members exactly `people`: newcomers are added today,
 * those left out are removed today (a naming added today and removed the same day
 * was a slip, so it goes), so the quarters they were named in stay counted.
 */
export async function setProjectMembers(tx: Tx, projectId: string, people: readonly NamedPerson[], now: Date = new Date()): Promise<void> {
  const today = todayUtc(now);
  const wanted = new Set(people.map((person) => person.id));
  const current = await tx.projectMember.findMany({ where: { projectId, removedOn: null }, select: { id: true, personId: true, addedOn: true } });
  for (const member of current.filter((row) => !wanted.has(row.personId))) {
    if (member.addedOn.getTime() === today.getTime()) await tx.projectMember.delete({ where: { id: member.id } });
    else await tx.projectMember.update({ where: { id: member.id }, data: { removedOn: today } });
  }
  const named = new Set(current.map((row) => row.personId));
  for (const personId of [...wanted].filter((id) => !named.has(id))) {
    await tx.projectMember.upsert({
      where: { projectId_personId_addedOn: { projectId, personId, addedOn: today } },
      create: { projectId, personId, addedOn: today },
      update: { removedOn: null },
    });
  }
}
