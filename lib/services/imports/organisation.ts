import "server-only";
import { randomUUID } from "node:crypto";
import type { DepartmentType } from "@/lib/generated/prisma/enums";
import type { OrganisationRow } from "@/lib/validation/imports";
import { DEPARTMENT_TYPE_LABELS } from "@/lib/validation/practices";
import {
  batches,
  FirstRows,
  nameKey,
  tally,
  teamsByCode,
  unionLocalsByName,
  unknownUnionLocal,
  type AuditRow,
  type PlanContext,
  type Plan,
  type TeamRecord,
  type ValidRow,
  type Writer,
} from "./shared";

type Facility = { id: string; regionId: string; name: string };
type Department = { id: string; facilityId: string; regionId: string; name: string; type: DepartmentType };
/** A department the file creates remembers the row that set its kind. */
type NewDepartment = Department & { row: number };

function teamSnapshot(team: Omit<TeamRecord, "id">) {
  return {
    code: team.code,
    name: team.name,
    regionId: team.regionId,
    departmentId: team.departmentId,
    unionLocalId: team.unionLocalId,
    charteredQuarter: team.charteredQuarter,
    retiredQuarter: team.retiredQuarter,
  };
}

function sameTeam(existing: TeamRecord, next: Omit<TeamRecord, "id">): boolean {
  const [before, after] = [teamSnapshot(existing), teamSnapshot(next)];
  return (Object.keys(after) as (keyof typeof after)[]).every((field) => before[field] === after[field]);
}

/**
 * Teams by code, in departments and facilities found (or created) by name within their
 * region and facility. A department keeps its kind: a row giving another is an error.
 */
export async function planOrganisation(rows: ValidRow<OrganisationRow>[], { db, errors, regions }: PlanContext): Promise<Plan> {
  // One after another: inside the import's transaction these share one connection, which runs one query at a time.
  const facilities = await db.$queryRaw<Facility[]>`SELECT id, "regionId", name FROM "Facility"`;
  const departments = await db.$queryRaw<Department[]>`SELECT id, "facilityId", "regionId", name, type::text FROM "Department"`;
  const unionLocals = await unionLocalsByName(db);
  const teams = await teamsByCode(db, rows.map(({ value }) => value.team_code));
  const facilityByKey = new Map(facilities.map((facility) => [`${facility.regionId}|${nameKey(facility.name)}`, facility]));
  const departmentByKey = new Map<string, Department | NewDepartment>(departments.map((department) => [`${department.facilityId}|${nameKey(department.name)}`, department]));
  const newFacilities = new Map<string, Facility>();
  const newDepartments = new Map<string, NewDepartment>();
  const usedFacilities = new Set<string>();
  const usedDepartments = new Set<string>();
  const teamRows = new FirstRows();
  const created: TeamRecord[] = [];
  const updated: { before: TeamRecord; after: TeamRecord }[] = [];
  const tallies = { facilities: tally(), departments: tally(), teams: tally() };

  for (const { row, value } of rows) {
    const rowErrorsBefore = errors.count;
    const region = regions.find(value.region);
    if (!region) errors.add(row, "region", regions.unknownMessage(value.region));
    else {
      const refusal = regions.refusal(region.id, `Team ${value.team_code}`);
      if (refusal) errors.add(row, "region", refusal);
    }
    const unionLocal = value.union_local ? unionLocals.get(nameKey(value.union_local)) : undefined;
    if (value.union_local && !unionLocal) errors.add(row, "union_local", unknownUnionLocal(value.union_local));
    const firstRow = teamRows.seen(value.team_code, row);
    if (firstRow !== undefined) errors.add(row, "team_code", `The team code ${value.team_code} is also on row ${firstRow}`);
    const existing = teams.get(value.team_code);
    if (existing && region && existing.regionId !== region.id) {
      const refusal = regions.refusal(existing.regionId, `Team ${value.team_code}`);
      if (refusal) errors.add(row, "team_code", refusal);
    }
    if (!region) continue;

    const facilityKey = `${region.id}|${nameKey(value.facility)}`;
    const facility = facilityByKey.get(facilityKey) ?? newFacilities.get(facilityKey) ?? { id: randomUUID(), regionId: region.id, name: value.facility };
    const departmentKey = `${facility.id}|${nameKey(value.department)}`;
    const department = departmentByKey.get(departmentKey) ?? newDepartments.get(departmentKey);
    if (department && department.type !== value.department_type) {
      const kind = `a ${DEPARTMENT_TYPE_LABELS[department.type]} department`;
      errors.add(
        row,
        "department_type",
        "row" in department
          ? `Row ${department.row} makes ${department.name} at ${facility.name} ${kind}: a department has one kind`
          : `${department.name} at ${facility.name} is ${kind}: a department has one kind (change it on the Organisation page)`,
      );
    }
    if (errors.count > rowErrorsBefore) continue;

    if (!facilityByKey.has(facilityKey) && !newFacilities.has(facilityKey)) newFacilities.set(facilityKey, facility);
    if (facilityByKey.has(facilityKey)) usedFacilities.add(facility.id);
    const departmentRecord =
      department ?? { id: randomUUID(), facilityId: facility.id, regionId: region.id, name: value.department, type: value.department_type, row };
    if (!department) newDepartments.set(departmentKey, departmentRecord as NewDepartment);
    else if (!("row" in department)) usedDepartments.add(department.id);

    const next = {
      code: value.team_code,
      name: value.team_name,
      regionId: region.id,
      departmentId: departmentRecord.id,
      unionLocalId: unionLocal?.id ?? null,
      charteredQuarter: value.chartered_quarter,
      retiredQuarter: value.retired_quarter ?? null,
    };
    if (!existing) created.push({ id: randomUUID(), ...next });
    else if (sameTeam(existing, next)) tallies.teams.unchanged++;
    else updated.push({ before: existing, after: { id: existing.id, ...next } });
  }

  tallies.facilities.created = newFacilities.size;
  tallies.facilities.unchanged = usedFacilities.size;
  tallies.departments.created = newDepartments.size;
  tallies.departments.unchanged = usedDepartments.size;
  tallies.teams.created = created.length;
  tallies.teams.updated = updated.length;

  return {
    tallies,
    changes: newFacilities.size + newDepartments.size + created.length + updated.length,
    write: (writer) => writeOrganisation(writer, [...newFacilities.values()], [...newDepartments.values()], created, updated),
  };
}

async function writeOrganisation(
  writer: Writer,
  facilities: Facility[],
  departments: Department[],
  created: TeamRecord[],
  updated: { before: TeamRecord; after: TeamRecord }[],
): Promise<void> {
  const { tx } = writer;
  for (const batch of batches(facilities)) {
    await tx.$executeRaw`
      INSERT INTO "Facility" (id, "regionId", name)
      SELECT * FROM unnest(${batch.map((f) => f.id)}::uuid[], ${batch.map((f) => f.regionId)}::uuid[], ${batch.map((f) => f.name)}::text[])`;
    await writer.written(batch.length);
  }
  for (const batch of batches(departments)) {
    await tx.$executeRaw`
      INSERT INTO "Department" (id, "facilityId", "regionId", name, type)
      SELECT u.id, u."facilityId", u."regionId", u.name, u.type::"DepartmentType"
      FROM unnest(${batch.map((d) => d.id)}::uuid[], ${batch.map((d) => d.facilityId)}::uuid[], ${batch.map((d) => d.regionId)}::uuid[],
                  ${batch.map((d) => d.name)}::text[], ${batch.map((d) => d.type)}::text[]) AS u(id, "facilityId", "regionId", name, type)`;
    await writer.written(batch.length);
  }
  for (const batch of batches(created)) {
    await tx.$executeRaw`
      INSERT INTO "Team" (id, code, name, "regionId", "departmentId", "unionLocalId", "charteredQuarter", "retiredQuarter")
      SELECT * FROM unnest(${batch.map((t) => t.id)}::uuid[], ${batch.map((t) => t.code)}::text[], ${batch.map((t) => t.name)}::text[],
                           ${batch.map((t) => t.regionId)}::uuid[], ${batch.map((t) => t.departmentId)}::uuid[], ${batch.map((t) => t.unionLocalId)}::uuid[],
                           ${batch.map((t) => t.charteredQuarter)}::text[], ${batch.map((t) => t.retiredQuarter)}::text[])`;
    await writer.written(batch.length);
  }
  for (const batch of batches(updated.map(({ after }) => after))) {
    await tx.$executeRaw`
      UPDATE "Team" t SET name = u.name, "regionId" = u."regionId", "departmentId" = u."departmentId", "unionLocalId" = u."unionLocalId",
                          "charteredQuarter" = u."charteredQuarter", "retiredQuarter" = u."retiredQuarter"
      FROM unnest(${batch.map((t) => t.id)}::uuid[], ${batch.map((t) => t.name)}::text[], ${batch.map((t) => t.regionId)}::uuid[],
                  ${batch.map((t) => t.departmentId)}::uuid[], ${batch.map((t) => t.unionLocalId)}::uuid[],
                  ${batch.map((t) => t.charteredQuarter)}::text[], ${batch.map((t) => t.retiredQuarter)}::text[])
           AS u(id, name, "regionId", "departmentId", "unionLocalId", "charteredQuarter", "retiredQuarter")
      WHERE t.id = u.id`;
    await writer.written(batch.length);
  }
  const audit: AuditRow[] = [
    ...facilities.map((f) => ({ action: "facility.created" as const, entityType: "Facility", entityId: f.id, after: { regionId: f.regionId, name: f.name } })),
    ...departments.map((d) => ({
      action: "department.created" as const,
      entityType: "Department",
      entityId: d.id,
      after: { facilityId: d.facilityId, regionId: d.regionId, name: d.name, type: d.type },
    })),
    ...created.map((t) => ({ action: "team.created" as const, entityType: "Team", entityId: t.id, after: teamSnapshot(t) })),
    ...updated.map(({ before, after }) => ({ action: "team.updated" as const, entityType: "Team", entityId: after.id, before: teamSnapshot(before), after: teamSnapshot(after) })),
  ];
  await writer.audit(audit);
}
