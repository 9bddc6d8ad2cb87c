import "server-only";
// Administrators keep the people on the records: each service takes the actor and parsed
// input, so integration tests drive it on a real database; lib/actions/people.ts wraps it.
import { assertCanManagePerson, NO_FOOTPRINT } from "@/lib/auth/admin-reach";
import type { PersonActor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/lib/db-errors";
import { getPersonFootprint, getPersonOrThrow } from "@/lib/data/people";
import { prisma } from "@/lib/db";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import type { Person, Prisma } from "@/lib/generated/prisma/client";
import type { PersonFields, UpdatePersonInput } from "@/lib/validation/people";

type Tx = Prisma.TransactionClient;

export type PersonOutcome = { personId: string };

/** A new person on the records (no role, no account yet): any administrator may add one. */
export async function createPerson(actor: PersonActor, fields: PersonFields): Promise<PersonOutcome> {
  assertCanManagePerson(actor, NO_FOOTPRINT);
  await assertUnionLocalExists(fields.unionLocalId);
  return withDuplicatesNamed(fields, null, () => prisma.$transaction(async (tx) => ({ personId: (await insertPerson(tx, actor, fields)).id })));
}

/**
 * Inserts and audits a person inside the caller's transaction (a handover creates its
 * successor this way, a roster its new member); a taken email or employee id is refused beside
 * its field. `fieldNames` names the form's fields where they differ ("successorEmail"); `reason`
 * says in the audit why someone other than an administrator's person form added them.
 */
export async function insertPerson(
  tx: Tx,
  actor: PersonActor,
  fields: PersonFields,
  { fieldNames = {}, reason = null }: { fieldNames?: { email?: string }; reason?: string | null } = {},
): Promise<Person> {
  await refuseDuplicates(tx, fields, null, fieldNames);
  const person = await tx.person.create({ data: stored(fields) });
  await recordAudit(tx, { actorId: actor.personId, action: "person.created", entityType: "Person", entityId: person.id, after: snapshot(person), reason });
  return person;
}

/** Corrects a person's details; their account's sign-in email follows their email. */
export async function updatePerson(actor: PersonActor, { personId, ...fields }: UpdatePersonInput): Promise<PersonOutcome> {
  const person = await getPersonOrThrow(personId);
  assertCanManagePerson(actor, await getPersonFootprint(person.id));
  const user = await prisma.user.findUnique({ where: { personId: person.id }, select: { id: true, email: true } });
  if (user && !fields.email) {
    throw new InvalidInputError(`${person.displayName} has an account, which signs in with an email address: keep one.`, { email: ["Enter the email address they sign in with"] });
  }
  await assertUnionLocalExists(fields.unionLocalId);

  return withDuplicatesNamed(fields, person.id, () =>
    prisma.$transaction(async (tx) => {
      await refuseDuplicates(tx, fields, person.id);
      const updated = await tx.person.update({ where: { id: person.id }, data: stored(fields) });
      if (user && fields.email && user.email !== fields.email) await tx.user.update({ where: { id: user.id }, data: { email: fields.email } });
      await recordAudit(tx, { actorId: actor.personId, action: "person.updated", entityType: "Person", entityId: person.id, before: snapshot(person), after: snapshot(updated) });
      return { personId: person.id };
    }),
  );
}

async function assertUnionLocalExists(unionLocalId: string | undefined): Promise<void> {
  if (unionLocalId && !(await prisma.unionLocal.findUnique({ where: { id: unionLocalId }, select: { id: true } }))) {
    throw new InvalidInputError("Choose a union local from the list", { unionLocalId: ["Choose a union local from the list"] });
  }
}

/** An email or employee id another person (or another person's account) already has, refused beside its field. */
async function refuseDuplicates(db: Tx | typeof prisma, fields: PersonFields, exceptPersonId: string | null, fieldNames: { email?: string } = {}): Promise<void> {
  const others = exceptPersonId ? { not: exceptPersonId } : undefined;
  if (fields.email) {
    // One after another: inside a transaction these share one connection, which runs one query at a time.
    const person = await db.person.findFirst({ where: { email: fields.email, id: others }, select: { displayName: true } });
    const user = await db.user.findFirst({ where: { email: fields.email, personId: others }, select: { person: { select: { displayName: true } } } });
    const holder = person?.displayName ?? user?.person.displayName;
    if (holder) throw new ConflictError(`${holder} already has the email ${fields.email}.`, { field: fieldNames.email ?? "email" });
  }
  if (fields.employeeId) {
    const person = await db.person.findFirst({ where: { employeeId: fields.employeeId, id: others }, select: { displayName: true } });
    if (person) throw new ConflictError(`${person.displayName} already has the employee id ${fields.employeeId}.`, { field: "employeeId" });
  }
}

/** Two administrators saving the same email at once: the loser hears whose it is, beside the field. */
async function withDuplicatesNamed<T>(fields: PersonFields, exceptPersonId: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) await refuseDuplicates(prisma, fields, exceptPersonId);
    throw error;
  }
}

function stored(fields: PersonFields) {
  return { displayName: fields.displayName, email: fields.email ?? null, employeeId: fields.employeeId ?? null, unionLocalId: fields.unionLocalId ?? null };
}

function snapshot(person: Person): Prisma.InputJsonObject {
  return { displayName: person.displayName, email: person.email, employeeId: person.employeeId, unionLocalId: person.unionLocalId };
}
