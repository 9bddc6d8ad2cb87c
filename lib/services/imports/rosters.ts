import "server-only";
import { randomUUID } from "node:crypto";
import { KeyTeamRole } from "@/lib/generated/prisma/enums";
import { toDayString } from "@/lib/validation/dates";
import type { RostersRow } from "@/lib/validation/imports";
import { batches, FirstRows, PeopleDirectory, tally, teamsByCode, type Plan, type PlanContext, type ValidRow, type Writer } from "./shared";

type Member = { id: string; teamId: string; personId: string; joinedOn: string; leftOn: string | null; keyRoles: KeyTeamRole[] };

function inEnumOrder(roles: readonly KeyTeamRole[]): KeyTeamRole[] {
  return Object.values(KeyTeamRole).filter((role) => roles.includes(role));
}

function snapshot(m: Member) {
  return { teamId: m.teamId, personId: m.personId, joinedOn: m.joinedOn, leftOn: m.leftOn, keyRoles: m.keyRoles };
}

/** Roster places keyed on team, person and the day they joined; the day they left and their key roles may change. */
export async function planRosters(rows: ValidRow<RostersRow>[], { db, errors, regions }: PlanContext): Promise<Plan> {
  // One after another: inside the import's transaction these share one connection, which runs one query at a time.
  const people = await PeopleDirectory.load(
      db,
      rows.map(({ value }) => value.person),
    );
  const teams = await teamsByCode(
      db,
      rows.map(({ value }) => value.team_code),
    );
  const teamIds = [...new Set([...teams.values()].map((team) => team.id))];
  const stored = await db.$queryRaw<Member[]>`
    SELECT id, "teamId", "personId", to_char("joinedOn", 'YYYY-MM-DD') AS "joinedOn", to_char("leftOn", 'YYYY-MM-DD') AS "leftOn",
           coalesce("keyRoles"::text[], '{}') AS "keyRoles"
    FROM "TeamMember" WHERE "teamId" = ANY(${teamIds}::uuid[])`;
  // Key roles in the enum's order, as the row schema gives them, so the same set compares equal however it was stored.
  const existing = stored.map((member) => ({ ...member, keyRoles: inEnumOrder(member.keyRoles) }));
  const key = (m: Pick<Member, "teamId" | "personId" | "joinedOn">) => `${m.teamId}|${m.personId}|${m.joinedOn}`;
  const existingByKey = new Map(existing.map((member) => [key(member), member]));
  const keyRows = new FirstRows();
  const created: Member[] = [];
  const updated: { before: Member; after: Member }[] = [];
  const tallies = { members: tally() };

  for (const { row, value } of rows) {
    const errorsBefore = errors.count;
    const team = teams.get(value.team_code);
    if (!team) errors.add(row, "team_code", `There is no team with the code ${value.team_code}`);
    else {
      const refusal = regions.refusal(team.regionId, `Team ${team.code}`);
      if (refusal) errors.add(row, "team_code", refusal);
    }
    const personId = people.find(value.person);
    if (!personId) errors.add(row, "person", PeopleDirectory.unknownMessage(value.person));
    if (errors.count > errorsBefore || !team || !personId) continue;

    const next: Member = {
      id: randomUUID(),
      teamId: team.id,
      personId,
      joinedOn: toDayString(value.joined_on),
      leftOn: value.left_on ? toDayString(value.left_on) : null,
      keyRoles: value.key_roles,
    };
    const first = keyRows.seen(key(next), row);
    if (first !== undefined) {
      errors.add(row, "joined_on", `Row ${first} puts the same person on the same team from the same day`);
      continue;
    }
    const current = existingByKey.get(key(next));
    if (!current) created.push(next);
    else if (current.leftOn === next.leftOn && current.keyRoles.join() === next.keyRoles.join()) tallies.members.unchanged++;
    else updated.push({ before: current, after: { ...current, leftOn: next.leftOn, keyRoles: next.keyRoles } });
  }
  tallies.members.created = created.length;
  tallies.members.updated = updated.length;

  return { tallies, changes: created.length + updated.length, write: (writer) => writeRosters(writer, created, updated) };
}

async function writeRosters(writer: Writer, created: Member[], updated: { before: Member; after: Member }[]): Promise<void> {
  const { tx } = writer;
  // An array column cannot travel inside unnest (it would flatten): each member's key roles go as one comma-joined text.
  for (const batch of batches(created)) {
    await tx.$executeRaw`
      INSERT INTO "TeamMember" (id, "teamId", "personId", "joinedOn", "leftOn", "keyRoles")
      SELECT u.id, u."teamId", u."personId", u."joinedOn", u."leftOn", string_to_array(u."keyRoles", ',')::"KeyTeamRole"[]
      FROM unnest(${batch.map((m) => m.id)}::uuid[], ${batch.map((m) => m.teamId)}::uuid[], ${batch.map((m) => m.personId)}::uuid[],
                  ${batch.map((m) => m.joinedOn)}::date[], ${batch.map((m) => m.leftOn)}::date[], ${batch.map((m) => m.keyRoles.join(","))}::text[])
           AS u(id, "teamId", "personId", "joinedOn", "leftOn", "keyRoles")`;
    await writer.written(batch.length);
  }
  for (const batch of batches(updated.map(({ after }) => after))) {
    await tx.$executeRaw`
      UPDATE "TeamMember" tm SET "leftOn" = u."leftOn", "keyRoles" = string_to_array(u."keyRoles", ',')::"KeyTeamRole"[]
      FROM unnest(${batch.map((m) => m.id)}::uuid[], ${batch.map((m) => m.leftOn)}::date[], ${batch.map((m) => m.keyRoles.join(","))}::text[])
           AS u(id, "leftOn", "keyRoles")
      WHERE tm.id = u.id`;
    await writer.written(batch.length);
  }
  await writer.audit([
    ...created.map((m) => ({ action: "roster.memberAdded" as const, entityType: "TeamMember", entityId: m.id, after: snapshot(m) })),
    ...updated.map(({ before, after }) => ({ action: "roster.memberUpdated" as const, entityType: "TeamMember", entityId: after.id, before: snapshot(before), after: snapshot(after) })),
  ]);
}
