import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getPersonFootprint, getPersonForAdmin, listPeople } from "@/lib/data/people";
import { prisma } from "@/lib/db";
import { AppError, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import * as accounts from "@/lib/services/accounts";
import * as people from "@/lib/services/people";
import * as roles from "@/lib/services/roles";
import { todayUtc, toDayString } from "@/lib/validation/dates";
import { accountActionSchema } from "@/lib/validation/accounts";
import { createPersonSchema, updatePersonSchema } from "@/lib/validation/people";
import { endRoleSchema, grantRoleSchema, handOverRoleSchema } from "@/lib/validation/roles";
import { actorFor, couriersTeam } from "@/tests/support/actors";
import { asSubmitted } from "@/tests/support/as-submitted";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites } from "@/tests/support/refusals";

const createPerson = asSubmitted(createPersonSchema, people.createPerson);
const updatePerson = asSubmitted(updatePersonSchema, people.updatePerson);

let admin: PersonActor;
let coloradoAdmin: PersonActor;
let georgiaAdmin: PersonActor;
let coloradoId: string;
let georgiaId: string;
/** Someone whose only role is in Georgia. */
let georgiaPerson: { id: string; email: string | null; employeeId: string | null };

/** A regional administrator: a person with an ADMIN assignment for the region. */
async function regionalAdmin(regionId: string, name: string): Promise<PersonActor> {
  const person = await prisma.person.create({ data: { displayName: name, roleAssignments: { create: { role: "ADMIN", regionId, startDate: new Date("2020-01-01") } } } });
  return { personId: person.id, grants: [{ role: "ADMIN", teamId: null, regionId }] };
}

/** Everything the people, account and role services could write. */
async function footprint() {
  const [persons, users, tokens, assignments, audit] = await Promise.all([
    prisma.person.count(),
    prisma.user.findMany({ select: { id: true, email: true, disabled: true, passwordHash: true }, orderBy: { id: "asc" } }),
    prisma.accountToken.findMany({ select: { id: true, usedAt: true, expiresAt: true }, orderBy: { id: "asc" } }),
    prisma.roleAssignment.count(),
    prisma.auditEntry.count(),
  ]);
  return { persons, users, tokens, assignments, audit, georgiaPerson: await prisma.person.findUnique({ where: { id: georgiaPerson.id } }) };
}

function fieldErrorsOf(error: unknown) {
  return error instanceof AppError ? error.fieldErrors : null;
}

beforeAll(async () => {
  await resetToSeed();
  admin = await actorFor("admin@example.org");
  const [colorado, georgia] = await Promise.all([
    prisma.region.findUniqueOrThrow({ where: { slug: "colorado" } }),
    prisma.region.findUniqueOrThrow({ where: { slug: "georgia" } }),
  ]);
  coloradoId = colorado.id;
  georgiaId = georgia.id;
  coloradoAdmin = await regionalAdmin(coloradoId, "Casey Regional");
  georgiaAdmin = await regionalAdmin(georgiaId, "Gale Regional");
  const georgiaSponsor = await prisma.roleAssignment.findFirstOrThrow({
    where: { role: "UNION_SPONSOR", team: { regionId: georgiaId }, person: { teamMemberships: { none: {} } } },
    orderBy: { id: "asc" },
    select: { personId: true },
  });
  const onlyGeorgia = await getPersonFootprint(georgiaSponsor.personId);
  expect(onlyGeorgia).toEqual({ national: false, regionIds: [georgiaId] });
  georgiaPerson = await prisma.person.findUniqueOrThrow({ where: { id: georgiaSponsor.personId }, select: { id: true, email: true, employeeId: true } });
});

describe("creating and editing a person", () => {
  it("creates a person, with the audit trail, and finds them by part of their name, email or employee id in any case", async () => {
    const { personId } = await createPerson(admin, { displayName: "  Marisol Quintero ", email: "Marisol.Quintero@Example.org", employeeId: "HR-99001", unionLocalId: "" });
    const person = await prisma.person.findUniqueOrThrow({ where: { id: personId } });
    expect(person).toMatchObject({ displayName: "Marisol Quintero", email: "marisol.quintero@example.org", employeeId: "HR-99001", unionLocalId: null });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityType: "Person", entityId: personId } });
    expect(audit).toMatchObject({ action: "person.created", actorId: admin.personId, after: { displayName: "Marisol Quintero", email: "marisol.quintero@example.org" } });

    for (const search of ["quinter", "MARISOL.Q", "hr-990"]) {
      const found = await listPeople(admin, { search, page: 1 });
      expect(found.rows.map((row) => row.id)).toContain(personId);
      expect(found.rows.find((row) => row.id === personId)).toMatchObject({ account: "NONE", currentRoles: [] });
    }
  });

  it("refuses a taken email or employee id beside its field, and writes nothing", async () => {
    const taken = await prisma.person.findFirstOrThrow({ where: { email: "colead.labor@example.org" } });
    const emailClash = createPerson(admin, { displayName: "Someone Else", email: "COLEAD.labor@example.org" });
    await expect(emailClash).rejects.toBeInstanceOf(ConflictError);
    expect(fieldErrorsOf(await emailClash.catch((error) => error))).toEqual({ email: [`${taken.displayName} already has the email colead.labor@example.org.`] });

    await expectRefusedWithoutWrites(footprint, () => createPerson(admin, { displayName: "Someone Else", employeeId: taken.employeeId! }), ConflictError, /already has the employee id/);
    const idClash = await createPerson(admin, { displayName: "Someone Else", employeeId: taken.employeeId! }).catch((error) => error);
    expect(Object.keys(fieldErrorsOf(idClash)!)).toEqual(["employeeId"]);
  });

  it("refuses invalid details with each field's message", async () => {
    const refusal = await createPerson(admin, { displayName: " ", email: "not-an-email", employeeId: "has spaces", unionLocalId: "nope" }).catch((error) => error);
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect(fieldErrorsOf(refusal)).toEqual({
      displayName: ["Enter the person's name"],
      email: ["Enter an email address like name@example.org"],
      employeeId: ["Use letters, digits, dots, hyphens and underscores in the employee id"],
      unionLocalId: ["Choose a union local from the list"],
    });
  });

  it("edits a person; their account signs in with their new email, which they cannot lose while they have an account", async () => {
    const person = await prisma.person.findFirstOrThrow({ where: { email: "colead.mgmt@example.org" } });
    const local = await prisma.unionLocal.findFirstOrThrow({ orderBy: { name: "asc" } });
    await updatePerson(admin, { personId: person.id, displayName: "Beth Lindqvist-Ng", email: "beth.ng@example.org", employeeId: person.employeeId, unionLocalId: local.id });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ displayName: "Beth Lindqvist-Ng", email: "beth.ng@example.org", unionLocalId: local.id });
    expect(await prisma.user.findUniqueOrThrow({ where: { personId: person.id } })).toMatchObject({ email: "beth.ng@example.org" });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: person.id, action: "person.updated" } });
    expect(audit).toMatchObject({ before: { displayName: "Beth Lindqvist", email: "colead.mgmt@example.org" }, after: { displayName: "Beth Lindqvist-Ng", email: "beth.ng@example.org" } });

    const refusal = await updatePerson(admin, { personId: person.id, displayName: "Beth Lindqvist-Ng", email: "" }).catch((error) => error);
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect(Object.keys(fieldErrorsOf(refusal)!)).toEqual(["email"]);
  });

  it("refuses an unknown person", async () => {
    await expect(updatePerson(admin, { personId: "00000000-0000-4000-8000-000000000000", displayName: "X" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the people list", () => {
  it("pages through everyone for a national administrator, by name", async () => {
    const first = await listPeople(admin, { page: 1 });
    expect(first.count).toBe(await prisma.person.count());
    expect(first.rows).toHaveLength(50);
    expect(first.pageCount).toBe(Math.ceil(first.count / 50));
    const names = first.rows.map((row) => row.displayName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const second = await listPeople(admin, { page: 2 });
    expect(second.rows[0]!.displayName >= names.at(-1)!).toBe(true);
  });

  it("shows each person's account status and the roles they hold today", async () => {
    const { rows } = await listPeople(admin, { search: "colead.labor@", page: 1 });
    const couriers = await couriersTeam();
    expect(rows).toEqual([
      expect.objectContaining({ email: "colead.labor@example.org", account: "ACTIVE", currentRoles: [{ role: "LABOR_COLEAD", place: expect.objectContaining({ kind: "team", teamId: couriers.id }) }] }),
    ]);
  });

  it("shows a regional administrator the people of their region and the people placed nowhere, not the others", async () => {
    const { personId: unplaced } = await createPerson(coloradoAdmin, { displayName: "Newcomer Unplaced" });
    const coloradoConsultant = await prisma.person.findFirstOrThrow({ where: { email: "consultant.colorado@example.org" } });
    const seen = async (actor: PersonActor, search: string) => (await listPeople(actor, { search, page: 1 })).rows.map((row) => row.id);

    expect(await seen(coloradoAdmin, "Newcomer Unplaced")).toEqual([unplaced]);
    expect(await seen(coloradoAdmin, "consultant.colorado@")).toEqual([coloradoConsultant.id]);
    expect(await seen(coloradoAdmin, georgiaPerson.employeeId!)).toEqual([]);
    expect(await seen(georgiaAdmin, georgiaPerson.employeeId!)).toEqual([georgiaPerson.id]);
    // The national administrator holds a national role: only national administrators see them.
    expect(await seen(coloradoAdmin, "admin@example.org")).toEqual([]);

    const all = await listPeople(coloradoAdmin, { page: 1 });
    const [{ count }] = await prisma.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM "Person" p
      WHERE p.id IN (SELECT ra."personId" FROM "RoleAssignment" ra LEFT JOIN "Team" t ON t.id = ra."teamId" WHERE coalesce(t."regionId", ra."regionId") = ${coloradoId}::uuid)
         OR p.id IN (SELECT m."personId" FROM "TeamMember" m JOIN "Team" t ON t.id = m."teamId" WHERE t."regionId" = ${coloradoId}::uuid)
         OR (p.id NOT IN (SELECT "personId" FROM "RoleAssignment") AND p.id NOT IN (SELECT "personId" FROM "TeamMember"))`;
    expect(all.count).toBe(count);
  });

  it("treats a typed % or _ as itself", async () => {
    expect((await listPeople(admin, { search: "%", page: 1 })).count).toBe(0);
  });

  it("refuses anyone who administers nowhere", async () => {
    await expect(listPeople(await actorFor("staff@example.org"), { page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("opens a person's page to administrators who may see them, with what they may change", async () => {
    const coloradoConsultant = await prisma.person.findFirstOrThrow({ where: { email: "consultant.colorado@example.org" } });
    const detail = await getPersonForAdmin(coloradoAdmin, coloradoConsultant.id);
    expect(detail.may.manage).toBe(true);
    expect(detail.grantPlaces).toEqual({ regions: [expect.objectContaining({ id: coloradoId })], national: false });
    expect(detail.assignments).toEqual([expect.objectContaining({ role: "CONSULTANT", current: true, may: { end: true, handOver: false } })]);
    await expect(getPersonForAdmin(coloradoAdmin, georgiaPerson.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPersonForAdmin(coloradoAdmin, "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a regional administrator", () => {
  it("manages the people wholly in their region", async () => {
    const coloradoConsultant = await prisma.person.findFirstOrThrow({ where: { email: "consultant.colorado@example.org" } });
    await updatePerson(coloradoAdmin, { personId: coloradoConsultant.id, displayName: "Dana Okoro-Smith", email: "consultant.colorado@example.org" });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: coloradoConsultant.id } })).displayName).toBe("Dana Okoro-Smith");
  });

  it("cannot touch another region: every service refuses in the matrix's words and writes nothing", async () => {
    const couriers = await couriersTeam();
    const laborColead = await prisma.roleAssignment.findFirstOrThrow({ where: { teamId: couriers.id, role: "LABOR_COLEAD", endDate: null } });
    const georgiaRole = await prisma.roleAssignment.findFirstOrThrow({ where: { personId: georgiaPerson.id, endDate: null } });
    await prisma.user.create({ data: { personId: georgiaPerson.id, email: "georgia.sponsor@example.org" } });
    const disabledGeorgian = await prisma.person.create({ data: { displayName: "Disabled Georgian", email: "disabled.georgian@example.org" } });
    await prisma.roleAssignment.create({ data: { personId: disabledGeorgian.id, role: "CONSULTANT", regionId: georgiaId, startDate: new Date("2021-01-01") } });
    await prisma.user.create({ data: { personId: disabledGeorgian.id, email: "disabled.georgian@example.org", disabled: true } });
    const georgiaTeam = await prisma.team.findFirstOrThrow({ where: { regionId: georgiaId }, orderBy: { code: "asc" } });
    const today = toDayString(todayUtc());
    const refusal = /^Only administrators \(national, or of the region concerned\) can administer the organisation\.$/;

    const attempts: [string, () => Promise<unknown>][] = [
      ["edit", () => updatePerson(coloradoAdmin, { personId: georgiaPerson.id, displayName: "Renamed" })],
      ["invite", () => asSubmitted(accountActionSchema, accounts.inviteAccount)(coloradoAdmin, { personId: georgiaPerson.id })],
      ["reset", () => asSubmitted(accountActionSchema, accounts.issuePasswordReset)(coloradoAdmin, { personId: georgiaPerson.id })],
      ["deactivate", () => asSubmitted(accountActionSchema, accounts.deactivateAccount)(coloradoAdmin, { personId: georgiaPerson.id })],
      ["reactivate", () => asSubmitted(accountActionSchema, accounts.reactivateAccount)(coloradoAdmin, { personId: disabledGeorgian.id })],
      ["grant on a team", () => asSubmitted(grantRoleSchema, roles.grantRole)(georgiaAdmin, { personId: georgiaPerson.id, role: "UNION_SPONSOR", teamCode: couriers.code, startDate: today })],
      ["grant in a region", () => asSubmitted(grantRoleSchema, roles.grantRole)(coloradoAdmin, { personId: georgiaPerson.id, role: "CONSULTANT", region: georgiaId, startDate: today })],
      ["grant nationally", () => asSubmitted(grantRoleSchema, roles.grantRole)(coloradoAdmin, { personId: georgiaPerson.id, role: "LMP_STAFF", region: "NATIONAL", startDate: today })],
      ["grant on a Georgia team", () => asSubmitted(grantRoleSchema, roles.grantRole)(coloradoAdmin, { personId: georgiaPerson.id, role: "UNION_SPONSOR", teamCode: georgiaTeam.code, startDate: today })],
      ["end", () => asSubmitted(endRoleSchema, roles.endRole)(coloradoAdmin, { assignmentId: georgiaRole.id, endDate: today })],
      ["end on a Colorado team", () => asSubmitted(endRoleSchema, roles.endRole)(georgiaAdmin, { assignmentId: laborColead.id, endDate: today })],
      [
        "hand over",
        () =>
          asSubmitted(handOverRoleSchema, roles.handOverRole)(georgiaAdmin, {
            assignmentId: laborColead.id,
            day: today,
            successorKind: "NEW",
            successorName: "Would Be",
            successorEmail: "would.be@example.org",
          }),
      ],
    ];
    for (const [name, attempt] of attempts) {
      await expectRefusedWithoutWrites(footprint, attempt, ForbiddenError, refusal).catch((error: Error) => {
        throw new Error(`${name}: ${error.message}`);
      });
    }
  });
});
