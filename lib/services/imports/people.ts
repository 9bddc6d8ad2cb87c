import "server-only";
import { randomUUID } from "node:crypto";
import { scopeFor } from "@/lib/auth/permissions";
import type { PeopleRow } from "@/lib/validation/imports";
import { batches, FirstRows, nameKey, tally, unionLocalsByName, unknownUnionLocal, type Db, type Plan, type PlanContext, type ValidRow, type Writer } from "./shared";

type PersonRecord = { id: string; displayName: string; email: string | null; employeeId: string | null; unionLocalId: string | null };
type ExistingPerson = PersonRecord & { userId: string | null };

function snapshot(person: PersonRecord) {
  return { displayName: person.displayName, email: person.email, employeeId: person.employeeId, unionLocalId: person.unionLocalId };
}

function samePerson(existing: PersonRecord, next: PersonRecord): boolean {
  const [before, after] = [snapshot(existing), snapshot(next)];
  return (Object.keys(after) as (keyof typeof after)[]).every((field) => before[field] === after[field]);
}

/**
 * The people among `personIds` a regional administrator may change: those holding a role,
 * or a place on a roster, in one of their regions (now or in the past).
 */
async function peopleInRegions(db: Db, personIds: string[], regionIds: string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ personId: string }[]>`
    SELECT ra."personId" FROM "RoleAssignment" ra LEFT JOIN "Team" t ON t.id = ra."teamId"
    WHERE ra."personId" = ANY(${personIds}::uuid[]) AND coalesce(t."regionId", ra."regionId") = ANY(${regionIds}::uuid[])
    UNION
    SELECT tm."personId" FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId"
    WHERE tm."personId" = ANY(${personIds}::uuid[]) AND t."regionId" = ANY(${regionIds}::uuid[])`;
  return new Set(rows.map((row) => row.personId));
}

/**
 * People keyed on their employee id, else their email. Keys never silently change hands:
 * an email or employee id that belongs to someone else is an error, an employee id is
 * never removed, and the email of someone who signs in is changed on the People page.
 */
export async function planPeople(rows: ValidRow<PeopleRow>[], { db, actor, errors, regions }: PlanContext): Promise<Plan> {
  const employeeIds = rows.flatMap(({ value }) => (value.employee_id ? [value.employee_id] : []));
  const emails = rows.flatMap(({ value }) => (value.email ? [value.email] : []));
  // One after another: inside the import's transaction these share one connection, which runs one query at a time.
  const people = await db.$queryRaw<ExistingPerson[]>`
      SELECT p.id, p."displayName", p.email, p."employeeId", p."unionLocalId", u.id AS "userId"
      FROM "Person" p LEFT JOIN "User" u ON u."personId" = p.id
      WHERE p."employeeId" = ANY(${employeeIds}::text[]) OR p.email = ANY(${emails}::text[])`;
  const users = await db.$queryRaw<{ email: string; personId: string }[]>`SELECT email, "personId" FROM "User" WHERE email = ANY(${emails}::text[])`;
  const unionLocals = await unionLocalsByName(db);
  const byEmployeeId = new Map(people.filter((p) => p.employeeId).map((p) => [p.employeeId!, p]));
  const byEmail = new Map(people.filter((p) => p.email).map((p) => [p.email!, p]));
  const accountOwner = new Map(users.map((user) => [user.email, user.personId]));
  const scope = scopeFor(actor, "admin.manage");
  const visible = scope.all ? null : await peopleInRegions(db, people.map((p) => p.id), scope.regionIds);
  const yourRegions = scope.all ? "" : scope.regionIds.map((id) => regions.get(id).name).join(", ");

  const employeeIdRows = new FirstRows();
  const emailRows = new FirstRows();
  const created: PersonRecord[] = [];
  const updated: { before: PersonRecord; after: PersonRecord }[] = [];
  const accounts: { id: string; personId: string; email: string }[] = [];
  const tallies = { people: tally(), accounts: tally() };

  for (const { row, value } of rows) {
    const errorsBefore = errors.count;
    const withId = value.employee_id ? byEmployeeId.get(value.employee_id) : undefined;
    const withEmail = value.email ? byEmail.get(value.email) : undefined;
    const person = withId ?? withEmail;
    if (value.employee_id) {
      const first = employeeIdRows.seen(value.employee_id, row);
      if (first !== undefined) errors.add(row, "employee_id", `The employee id ${value.employee_id} is also on row ${first}`);
    }
    if (value.email) {
      const first = emailRows.seen(value.email, row);
      if (first !== undefined) errors.add(row, "email", `The email ${value.email} is also on row ${first}`);
    }
    if (!withId && withEmail?.employeeId && value.employee_id) {
      errors.add(row, "employee_id", `The person with the email ${value.email} has the employee id ${withEmail.employeeId}: an employee id does not change`);
    }
    if (person?.employeeId && !value.employee_id) {
      errors.add(row, "employee_id", `This person has the employee id ${person.employeeId}: keep it in the file (an import never removes an employee id)`);
    }
    if (withId && withEmail && withId.id !== withEmail.id) {
      errors.add(row, "email", `${value.email} is the email of another person (${withEmail.displayName}${withEmail.employeeId ? `, employee id ${withEmail.employeeId}` : ""})`);
    } else if (person?.userId && (value.email ?? null) !== person.email) {
      errors.add(row, "email", `This person signs in as ${person.email}: change the email of an account on the People page, not by an import`);
    }
    const owner = value.email ? accountOwner.get(value.email) : undefined;
    if (value.account && owner && owner !== person?.id) errors.add(row, "account", `${value.email} already signs in to another person's account`);
    const unionLocal = value.union_local ? unionLocals.get(nameKey(value.union_local)) : undefined;
    if (value.union_local && !unionLocal) errors.add(row, "union_local", unknownUnionLocal(value.union_local));
    if (person && visible && !visible.has(person.id)) {
      errors.add(row, person.employeeId ? "employee_id" : "email", `This person has no role or roster place in your regions (${yourRegions}): only a national administrator can change them`);
    }
    if (errors.count > errorsBefore) continue;

    const next: PersonRecord = {
      id: person?.id ?? randomUUID(),
      displayName: value.display_name,
      email: value.email ?? null,
      employeeId: value.employee_id ?? null,
      unionLocalId: unionLocal?.id ?? null,
    };
    if (!person) created.push(next);
    else if (samePerson(person, next)) tallies.people.unchanged++;
    else updated.push({ before: person, after: next });
    // "no" never removes an account: people lose access through the People page, where it is deliberate.
    if (value.account && value.email) {
      if (person?.userId) tallies.accounts.unchanged++;
      else accounts.push({ id: randomUUID(), personId: next.id, email: value.email });
    }
  }
  tallies.people.created = created.length;
  tallies.people.updated = updated.length;
  tallies.accounts.created = accounts.length;

  return {
    tallies,
    changes: created.length + updated.length + accounts.length,
    write: (writer) => writePeople(writer, created, updated, accounts),
  };
}

async function writePeople(
  writer: Writer,
  created: PersonRecord[],
  updated: { before: PersonRecord; after: PersonRecord }[],
  accounts: { id: string; personId: string; email: string }[],
): Promise<void> {
  const { tx } = writer;
  for (const batch of batches(created)) {
    await tx.$executeRaw`
      INSERT INTO "Person" (id, "displayName", email, "employeeId", "unionLocalId")
      SELECT * FROM unnest(${batch.map((p) => p.id)}::uuid[], ${batch.map((p) => p.displayName)}::text[], ${batch.map((p) => p.email)}::text[],
                           ${batch.map((p) => p.employeeId)}::text[], ${batch.map((p) => p.unionLocalId)}::uuid[])`;
    await writer.written(batch.length);
  }
  for (const batch of batches(updated.map(({ after }) => after))) {
    await tx.$executeRaw`
      UPDATE "Person" p SET "displayName" = u."displayName", email = u.email, "employeeId" = u."employeeId", "unionLocalId" = u."unionLocalId"
      FROM unnest(${batch.map((p) => p.id)}::uuid[], ${batch.map((p) => p.displayName)}::text[], ${batch.map((p) => p.email)}::text[],
                  ${batch.map((p) => p.employeeId)}::text[], ${batch.map((p) => p.unionLocalId)}::uuid[])
           AS u(id, "displayName", email, "employeeId", "unionLocalId")
      WHERE p.id = u.id`;
    await writer.written(batch.length);
  }
  for (const batch of batches(accounts)) {
    // No password: the person signs in through single sign-on, or an administrator sends them an invitation link later.
    await tx.$executeRaw`
      INSERT INTO "User" (id, "personId", email)
      SELECT * FROM unnest(${batch.map((a) => a.id)}::uuid[], ${batch.map((a) => a.personId)}::uuid[], ${batch.map((a) => a.email)}::text[])`;
    await writer.written(batch.length);
  }
  await writer.audit([
    ...created.map((p) => ({ action: "person.created" as const, entityType: "Person", entityId: p.id, after: snapshot(p) })),
    ...updated.map(({ before, after }) => ({ action: "person.updated" as const, entityType: "Person", entityId: after.id, before: snapshot(before), after: snapshot(after) })),
    ...accounts.map((a) => ({ action: "account.created" as const, entityType: "User", entityId: a.id, after: { personId: a.personId, email: a.email } })),
  ]);
}
