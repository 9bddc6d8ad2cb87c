import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getTeamLeadership } from "@/lib/data/leadership";
import { prisma } from "@/lib/db";
import { addDays } from "@/lib/domain/role-assignments";
import { AppError, ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import type { Team } from "@/lib/generated/prisma/client";
import * as roles from "@/lib/services/roles";
import { todayUtc, toDayString } from "@/lib/validation/dates";
import { endRoleSchema, grantRoleSchema, handOverRoleSchema } from "@/lib/validation/roles";
import { actorFor, couriersTeam } from "@/tests/support/actors";
import { asSubmitted } from "@/tests/support/as-submitted";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites } from "@/tests/support/refusals";

const grantRole = asSubmitted(grantRoleSchema, roles.grantRole);
const endRole = asSubmitted(endRoleSchema, roles.endRole);
const handOverRole = asSubmitted(handOverRoleSchema, roles.handOverRole);

let admin: PersonActor;
let coloradoAdmin: PersonActor;
let couriers: Team;
let coloradoId: string;
const today = todayUtc();
const day = (offset: number) => toDayString(addDays(today, offset));

async function footprint() {
  const [assignments, persons, audit] = await Promise.all([
    prisma.roleAssignment.findMany({ orderBy: { id: "asc" } }),
    prisma.person.count(),
    prisma.auditEntry.count(),
  ]);
  return { assignments, persons, audit };
}

async function newPerson(displayName: string, email?: string) {
  return prisma.person.create({ data: { displayName, email } });
}

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldErrors;
}

beforeAll(async () => {
  await resetToSeed();
  admin = await actorFor("admin@example.org");
  couriers = await couriersTeam();
  coloradoId = couriers.regionId;
  const regional = await prisma.person.create({
    data: { displayName: "Casey Regional", roleAssignments: { create: { role: "ADMIN", regionId: coloradoId, startDate: new Date("2020-01-01") } } },
  });
  coloradoAdmin = { personId: regional.id, grants: [{ role: "ADMIN", teamId: null, regionId: coloradoId }] };
});

describe("granting a role", () => {
  it("grants a team's role by the team's code, a region's and a national one, each audited", async () => {
    const person = await newPerson("Ira Grant");
    const onTeam = await grantRole(coloradoAdmin, { personId: person.id, role: "UNION_SPONSOR", teamCode: couriers.code.toLowerCase(), startDate: day(0) });
    const inRegion = await grantRole(coloradoAdmin, { personId: person.id, role: "CONSULTANT", region: coloradoId, startDate: day(0), endDate: day(30) });
    const national = await grantRole(admin, { personId: person.id, role: "LMP_STAFF", region: "NATIONAL", startDate: day(0) });

    const held = await prisma.roleAssignment.findMany({ where: { personId: person.id }, orderBy: { role: "asc" } });
    expect(held.map(({ role, teamId, regionId, startDate, endDate }) => ({ role, teamId, regionId, startDate: toDayString(startDate), endDate: endDate && toDayString(endDate) }))).toEqual([
      { role: "UNION_SPONSOR", teamId: couriers.id, regionId: null, startDate: day(0), endDate: null },
      { role: "CONSULTANT", teamId: null, regionId: coloradoId, startDate: day(0), endDate: day(30) },
      { role: "LMP_STAFF", teamId: null, regionId: null, startDate: day(0), endDate: null },
    ]);
    expect(onTeam).toEqual({ assignmentId: expect.any(String), personIds: [person.id], teamId: couriers.id });
    const audit = await prisma.auditEntry.findMany({ where: { entityId: { in: [onTeam.assignmentId, inRegion.assignmentId, national.assignmentId] } } });
    expect(audit.map((entry) => entry.action)).toEqual(["role.granted", "role.granted", "role.granted"]);
  });

  it("asks for the place the role is held at, as ROLE_SCOPES allow", async () => {
    const person = await newPerson("Placeless Pat");
    expect(await fieldErrorsOf(grantRole(admin, { personId: person.id, role: "LABOR_COLEAD", region: coloradoId, startDate: day(0) }))).toEqual({ teamCode: ["Enter the team's code"] });
    expect(await fieldErrorsOf(grantRole(admin, { personId: person.id, role: "CONSULTANT", region: "NATIONAL", startDate: day(0) }))).toEqual({
      region: ["UBT consultants work for a region: choose one"],
    });
    expect(await fieldErrorsOf(grantRole(admin, { personId: person.id, role: "ADMIN", startDate: day(0) }))).toEqual({ region: ["Choose a region or the whole partnership"] });
    expect(await fieldErrorsOf(grantRole(admin, { personId: person.id, role: "LABOR_COLEAD", teamCode: "NO-SUCH-TEAM", startDate: day(0) }))).toEqual({
      teamCode: ["No team has the code NO-SUCH-TEAM"],
    });
    expect(await fieldErrorsOf(grantRole(admin, { personId: person.id, role: "LABOR_COLEAD", teamCode: couriers.code, startDate: day(5), endDate: day(1) }))).toEqual({
      endDate: ["The end date cannot be before the start date"],
    });
  });

  it("refuses a role the person already holds there over the same days", async () => {
    const person = await newPerson("Double Dana");
    await grantRole(admin, { personId: person.id, role: "MANAGEMENT_SPONSOR", teamCode: couriers.code, startDate: day(-10), endDate: day(10) });
    await expectRefusedWithoutWrites(
      footprint,
      () => grantRole(admin, { personId: person.id, role: "MANAGEMENT_SPONSOR", teamCode: couriers.code, startDate: day(5) }),
      ConflictError,
      /already holds this role there/,
    );
    // The days after it ended are free.
    await grantRole(admin, { personId: person.id, role: "MANAGEMENT_SPONSOR", teamCode: couriers.code, startDate: day(11) });
  });

  it("keeps national roles for national administrators", async () => {
    const person = await newPerson("National Nia");
    await expectRefusedWithoutWrites(footprint, () => grantRole(coloradoAdmin, { personId: person.id, role: "ADMIN", region: "NATIONAL", startDate: day(0) }), ForbiddenError);
  });
});

describe("ending a role", () => {
  it("ends a role on a day, keeping it as history", async () => {
    const person = await newPerson("Ending Eli");
    const { assignmentId } = await grantRole(admin, { personId: person.id, role: "CONSULTANT", region: coloradoId, startDate: day(-100) });
    await endRole(coloradoAdmin, { assignmentId, endDate: day(-1) });
    const ended = await prisma.roleAssignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(toDayString(ended.endDate!)).toBe(day(-1));
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: assignmentId, action: "role.ended" } });
    expect(audit).toMatchObject({ before: { endDate: null }, after: { endDate: day(-1) } });

    // Over, it is history: not ended again.
    await expectRefusedWithoutWrites(footprint, () => endRole(admin, { assignmentId, endDate: day(0) }), InvalidInputError, /already ended/);
  });

  it("refuses an end before the start, beside the field", async () => {
    const person = await newPerson("Early Ed");
    const { assignmentId } = await grantRole(admin, { personId: person.id, role: "CONSULTANT", region: coloradoId, startDate: day(-5) });
    expect(await fieldErrorsOf(endRole(admin, { assignmentId, endDate: day(-6) }))).toEqual({ endDate: ["The end date cannot be before the role began."] });
  });
});

describe("handing over a role", () => {
  it("ends the holder's assignment the day before and starts the successor's that day, in one step that keeps both", async () => {
    const holder = await prisma.roleAssignment.findFirstOrThrow({ where: { teamId: couriers.id, role: "LABOR_COLEAD", endDate: null }, include: { person: true } });
    const successor = await newPerson("Sam Successor", "sam.successor@example.org");
    const before = await prisma.auditEntry.count();

    const outcome = await handOverRole(coloradoAdmin, { assignmentId: holder.id, day: day(0), successorKind: "EXISTING", successorKey: "SAM.successor@example.org" });
    expect(outcome).toEqual({ assignmentId: expect.any(String), personIds: [holder.personId, successor.id], teamId: couriers.id });

    const history = await prisma.roleAssignment.findMany({ where: { teamId: couriers.id, role: "LABOR_COLEAD" }, orderBy: { startDate: "asc" } });
    expect(history.slice(-2).map(({ personId, startDate, endDate }) => ({ personId, startDate: toDayString(startDate), endDate: endDate && toDayString(endDate) }))).toEqual([
      { personId: holder.personId, startDate: toDayString(holder.startDate), endDate: day(-1) },
      { personId: successor.id, startDate: day(0), endDate: null },
    ]);
    const audit = await prisma.auditEntry.findMany({ where: { id: { gt: BigInt(before) } }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["role.ended", "role.granted", "role.handedOver"]);
    expect(audit[2]).toMatchObject({ entityId: holder.id, after: { from: holder.personId, to: successor.id, day: day(0) } });

    const leadership = await getTeamLeadership(admin, couriers.id, today);
    const laborColeads = leadership.find((entry) => entry.role === "LABOR_COLEAD")!;
    expect(laborColeads.holders.slice(0, 2)).toEqual([
      { assignmentId: outcome.assignmentId, personName: "Sam Successor", startDate: addDays(today, 0), endDate: null, current: true },
      { assignmentId: holder.id, personName: holder.person.displayName, startDate: holder.startDate, endDate: addDays(today, -1), current: false },
    ]);
  });

  it("creates a successor on the spot by name and email", async () => {
    const holder = await prisma.roleAssignment.findFirstOrThrow({ where: { teamId: couriers.id, role: "UNION_SPONSOR", endDate: null } });
    await handOverRole(admin, { assignmentId: holder.id, day: day(1), successorKind: "NEW", successorName: "Nova Newhire", successorEmail: "Nova.Newhire@example.org" });
    const created = await prisma.person.findUniqueOrThrow({ where: { email: "nova.newhire@example.org" }, include: { roleAssignments: true } });
    expect(created.displayName).toBe("Nova Newhire");
    expect(created.roleAssignments.map(({ role, teamId, startDate }) => ({ role, teamId, startDate: toDayString(startDate) }))).toEqual([
      { role: "UNION_SPONSOR", teamId: couriers.id, startDate: day(1) },
    ]);
    expect(await prisma.auditEntry.count({ where: { entityId: created.id, action: "person.created" } })).toBe(1);
  });

  it("refuses the holder as successor, a day not after the holder began, and a successor who already holds the role there", async () => {
    const holder = await prisma.roleAssignment.findFirstOrThrow({ where: { teamId: couriers.id, role: "MANAGEMENT_COLEAD", endDate: null }, include: { person: true } });
    const fellow = await prisma.roleAssignment.findFirstOrThrow({ where: { teamId: couriers.id, role: "LABOR_COLEAD", endDate: null }, include: { person: true } });
    const handOver = (fields: Record<string, unknown>) => handOverRole(admin, { assignmentId: holder.id, successorKind: "EXISTING", day: day(0), ...fields });

    await expectRefusedWithoutWrites(footprint, () => handOver({ successorKey: holder.person.employeeId! }), InvalidInputError, /already holds the role/);
    const other = await newPerson("Other Olive", "other.olive@example.org");
    await expectRefusedWithoutWrites(footprint, () => handOver({ successorKey: "other.olive@example.org", day: toDayString(holder.startDate) }), InvalidInputError, /after the day the current holder began/);
    // The labor co-lead holds LABOR_COLEAD, not this role: a successor who holds MANAGEMENT_COLEAD already is refused.
    await prisma.roleAssignment.create({ data: { personId: other.id, role: "MANAGEMENT_COLEAD", teamId: couriers.id, startDate: addDays(today, 3) } });
    expect(await fieldErrorsOf(handOver({ successorKey: "other.olive@example.org" }))).toEqual({ successorKey: ["The successor already holds this role on this team."] });
    expect(await fieldErrorsOf(handOver({ successorKey: "nobody@example.org" }))).toEqual({
      successorKey: ["Nobody on the records has the email nobody@example.org: check it, or add them as someone new."],
    });
    // A new successor whose email is taken is told so beside the email field; nobody is created.
    expect(await fieldErrorsOf(handOver({ successorKind: "NEW", successorName: "Dup", successorEmail: fellow.person.email! }))).toEqual({
      successorEmail: [`${fellow.person.displayName} already has the email ${fellow.person.email}.`],
    });
  });

  it("hands over only a team's co-lead and sponsor roles", async () => {
    const consultant = await prisma.roleAssignment.findFirstOrThrow({ where: { role: "CONSULTANT", regionId: coloradoId, endDate: null } });
    await expectRefusedWithoutWrites(
      footprint,
      () => handOverRole(admin, { assignmentId: consultant.id, day: day(0), successorKind: "NEW", successorName: "Con Sultant", successorEmail: "con.sultant@example.org" }),
      ConflictError,
      /Only a team's co-lead and sponsor roles are handed over/,
    );
  });
});
