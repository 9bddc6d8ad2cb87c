import "server-only";
import { randomUUID } from "node:crypto";
import { ROLE_LABELS, ROLE_SCOPES } from "@/lib/domain/roles";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { toDayString } from "@/lib/validation/dates";
import type { RolesRow } from "@/lib/validation/imports";
import { batches, FirstRows, PeopleDirectory, tally, teamsByCode, type Plan, type PlanContext, type ValidRow, type Writer } from "./shared";

type Assignment = { id: string; personId: string; role: RoleKind; teamId: string | null; regionId: string | null; startDate: string; endDate: string | null };

/** Team roles are held on the team alone; other roles on a region, or (no region) nationally. */
function assignmentKey(a: Omit<Assignment, "id" | "endDate">): string {
  return [a.personId, a.role, a.teamId ?? "", a.teamId ? "" : (a.regionId ?? ""), a.startDate].join("|");
}

function snapshot(a: Assignment) {
  return { personId: a.personId, role: a.role, teamId: a.teamId, regionId: a.regionId, startDate: a.startDate, endDate: a.endDate };
}

/** Role assignments keyed on person, role, place and start date; the end date is what an existing one may change. */
export async function planRoles(rows: ValidRow<RolesRow>[], { db, errors, regions }: PlanContext): Promise<Plan> {
  // One after another: inside the import's transaction these share one connection, which runs one query at a time.
  const people = await PeopleDirectory.load(
      db,
      rows.map(({ value }) => value.person),
    );
  const teams = await teamsByCode(
      db,
      rows.flatMap(({ value }) => (value.team_code ? [value.team_code] : [])),
    );
  const personIds = rows.flatMap(({ value }) => people.find(value.person) ?? []);
  const existing = await db.$queryRaw<Assignment[]>`
    SELECT id, "personId", role::text, "teamId", "regionId", to_char("startDate", 'YYYY-MM-DD') AS "startDate", to_char("endDate", 'YYYY-MM-DD') AS "endDate"
    FROM "RoleAssignment" WHERE "personId" = ANY(${[...new Set(personIds)]}::uuid[])`;
  const existingByKey = new Map(existing.map((assignment) => [assignmentKey(assignment), assignment]));
  const keyRows = new FirstRows();
  const created: Assignment[] = [];
  const updated: { before: Assignment; after: Assignment }[] = [];
  const tallies = { roles: tally() };

  for (const { row, value } of rows) {
    const errorsBefore = errors.count;
    const personId = people.find(value.person);
    if (!personId) errors.add(row, "person", PeopleDirectory.unknownMessage(value.person));
    const label = ROLE_LABELS[value.role];
    let teamId: string | null = null;
    let regionId: string | null = null;
    if (value.team_code) {
      const team = teams.get(value.team_code);
      if (!team) errors.add(row, "team_code", `There is no team with the code ${value.team_code}`);
      else {
        teamId = team.id;
        const refusal = regions.refusal(team.regionId, `Team ${team.code}`);
        if (refusal) errors.add(row, "team_code", refusal);
        const named = value.region ? regions.find(value.region) : undefined;
        if (value.region && named?.id !== team.regionId) {
          errors.add(row, "region", `Team ${team.code} is in ${regions.get(team.regionId).name}: leave region blank for a role on a team`);
        }
      }
    } else if (value.region) {
      const region = regions.find(value.region);
      if (!region) errors.add(row, "region", regions.unknownMessage(value.region));
      else {
        regionId = region.id;
        const refusal = regions.refusal(region.id, `This ${label} role`);
        if (refusal) errors.add(row, "region", refusal);
        if (!ROLE_SCOPES[value.role].includes("region")) errors.add(row, "region", `${label} is held on a team, not a region`);
      }
    } else if (ROLE_SCOPES[value.role].includes("national")) {
      const refusal = regions.nationalRefusal(`A ${label} role without a region`);
      if (refusal) errors.add(row, "region", refusal);
    }
    if (errors.count > errorsBefore || !personId) continue;

    const next: Assignment = {
      id: randomUUID(),
      personId,
      role: value.role,
      teamId,
      regionId,
      startDate: toDayString(value.start_date),
      endDate: value.end_date ? toDayString(value.end_date) : null,
    };
    const key = assignmentKey(next);
    const first = keyRows.seen(key, row);
    if (first !== undefined) {
      errors.add(row, "start_date", `Row ${first} gives the same person the same role in the same place from the same day`);
      continue;
    }
    const current = existingByKey.get(key);
    if (!current) created.push(next);
    else if (current.endDate === next.endDate) tallies.roles.unchanged++;
    else updated.push({ before: current, after: { ...current, endDate: next.endDate } });
  }
  tallies.roles.created = created.length;
  tallies.roles.updated = updated.length;

  return { tallies, changes: created.length + updated.length, write: (writer) => writeRoles(writer, created, updated) };
}

async function writeRoles(writer: Writer, created: Assignment[], updated: { before: Assignment; after: Assignment }[]): Promise<void> {
  const { tx } = writer;
  for (const batch of batches(created)) {
    await tx.$executeRaw`
      INSERT INTO "RoleAssignment" (id, "personId", role, "teamId", "regionId", "startDate", "endDate")
      SELECT u.id, u."personId", u.role::"RoleKind", u."teamId", u."regionId", u."startDate", u."endDate"
      FROM unnest(${batch.map((a) => a.id)}::uuid[], ${batch.map((a) => a.personId)}::uuid[], ${batch.map((a) => a.role)}::text[],
                  ${batch.map((a) => a.teamId)}::uuid[], ${batch.map((a) => a.regionId)}::uuid[],
                  ${batch.map((a) => a.startDate)}::date[], ${batch.map((a) => a.endDate)}::date[])
           AS u(id, "personId", role, "teamId", "regionId", "startDate", "endDate")`;
    await writer.written(batch.length);
  }
  for (const batch of batches(updated.map(({ after }) => after))) {
    await tx.$executeRaw`
      UPDATE "RoleAssignment" ra SET "endDate" = u."endDate"
      FROM unnest(${batch.map((a) => a.id)}::uuid[], ${batch.map((a) => a.endDate)}::date[]) AS u(id, "endDate")
      WHERE ra.id = u.id`;
    await writer.written(batch.length);
  }
  await writer.audit([
    ...created.map((a) => ({ action: "role.granted" as const, entityType: "RoleAssignment", entityId: a.id, after: snapshot(a) })),
    // An end date set or moved ends the role; one taken away grants it again.
    ...updated.map(({ before, after }) => ({
      action: after.endDate ? ("role.ended" as const) : ("role.granted" as const),
      entityType: "RoleAssignment",
      entityId: after.id,
      before: snapshot(before),
      after: snapshot(after),
    })),
  ]);
}
