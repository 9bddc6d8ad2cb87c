import { beforeAll, describe, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import * as accounts from "@/lib/services/accounts";
import * as organisation from "@/lib/services/organisation";
import * as people from "@/lib/services/people";
import * as roles from "@/lib/services/roles";
import { accountActionSchema } from "@/lib/validation/accounts";
import {
  createDepartmentSchema,
  createFacilitySchema,
  createTeamSchema,
  facilityIdSchema,
  mergeDepartmentsSchema,
  moveTeamSchema,
  teamIdSchema,
  updateDepartmentSchema,
  updateFacilitySchema,
  updateTeamSchema,
} from "@/lib/validation/organisation";
import { createPersonSchema, updatePersonSchema } from "@/lib/validation/people";
import { endRoleSchema, grantRoleSchema, handOverRoleSchema } from "@/lib/validation/roles";
import { asSubmitted } from "@/tests/support/as-submitted";
import { couriersTeam, demoCast } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites } from "@/tests/support/refusals";

// Every administration action, tried by each role that is not an administrator: all refused, nothing written.

const TABLES = ["Facility", "Department", "Team", "Person", "User", "RoleAssignment", "AccountToken", "TeamMember", "AuditEntry"] as const;

/** Everything an administration action could write: a digest of each table's rows, taken in PostgreSQL (the tables are large). */
async function footprint() {
  const digests = await Promise.all(
    TABLES.map((table) => prisma.$queryRawUnsafe<{ digest: string | null }[]>(`SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest FROM "${table}" t`)),
  );
  return Object.fromEntries(TABLES.map((table, index) => [table, digests[index]![0]!.digest]));
}

let cast: Awaited<ReturnType<typeof demoCast>>;
let attempts: [string, (actor: PersonActor) => Promise<unknown>][];

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  cast = await demoCast(couriers);
  const department = await prisma.department.findUniqueOrThrow({ where: { id: couriers.departmentId } });
  const sibling = await prisma.department.findFirstOrThrow({ where: { facilityId: department.facilityId, id: { not: department.id } } });
  const otherDepartment = await prisma.department.findFirstOrThrow({ where: { regionId: couriers.regionId, facilityId: { not: department.facilityId } } });
  const person = await prisma.person.findFirstOrThrow({ where: { email: "consultant.colorado@example.org" } });
  const leadership = await prisma.roleAssignment.findFirstOrThrow({ where: { teamId: couriers.id, role: "LABOR_COLEAD", endDate: null } });
  const today = new Date().toISOString().slice(0, 10);
  const { facilityId, regionId } = department;

  attempts = [
    ["create a facility", (actor) => asSubmitted(createFacilitySchema, organisation.createFacility)(actor, { regionId, name: "North Clinic" })],
    ["rename a facility", (actor) => asSubmitted(updateFacilitySchema, organisation.updateFacility)(actor, { facilityId, name: "Renamed" })],
    ["retire a facility", (actor) => asSubmitted(facilityIdSchema, organisation.retireFacility)(actor, { facilityId })],
    ["reactivate a facility", (actor) => asSubmitted(facilityIdSchema, organisation.reactivateFacility)(actor, { facilityId })],
    ["create a department", (actor) => asSubmitted(createDepartmentSchema, organisation.createDepartment)(actor, { facilityId, name: "Night Couriers", type: "TRANSPORT_LOGISTICS" })],
    ["edit a department", (actor) => asSubmitted(updateDepartmentSchema, organisation.updateDepartment)(actor, { departmentId: department.id, name: "Renamed", type: department.type })],
    ["merge departments", (actor) => asSubmitted(mergeDepartmentsSchema, organisation.mergeDepartments)(actor, { departmentId: sibling.id, intoDepartmentId: department.id })],
    [
      "create a team",
      (actor) => asSubmitted(createTeamSchema, organisation.createTeam)(actor, { departmentId: department.id, code: "CO-NEW-1", name: "New team", unionLocalId: "", charteredQuarter: "2026-Q1" }),
    ],
    [
      "edit a team",
      (actor) =>
        asSubmitted(updateTeamSchema, organisation.updateTeam)(actor, { teamId: couriers.id, code: couriers.code, name: "Renamed", unionLocalId: "", charteredQuarter: couriers.charteredQuarter }),
    ],
    ["move a team", (actor) => asSubmitted(moveTeamSchema, organisation.moveTeam)(actor, { teamId: couriers.id, departmentId: otherDepartment.id })],
    ["retire a team", (actor) => asSubmitted(teamIdSchema, organisation.retireTeam)(actor, { teamId: couriers.id })],
    ["reactivate a team", (actor) => asSubmitted(teamIdSchema, organisation.reactivateTeam)(actor, { teamId: couriers.id })],
    ["create a person", (actor) => asSubmitted(createPersonSchema, people.createPerson)(actor, { displayName: "New Person", email: "new.person@example.org" })],
    ["edit a person", (actor) => asSubmitted(updatePersonSchema, people.updatePerson)(actor, { personId: person.id, displayName: "Renamed", email: person.email })],
    ["invite an account", (actor) => asSubmitted(accountActionSchema, accounts.inviteAccount)(actor, { personId: person.id })],
    ["issue a password reset", (actor) => asSubmitted(accountActionSchema, accounts.issuePasswordReset)(actor, { personId: person.id })],
    ["deactivate an account", (actor) => asSubmitted(accountActionSchema, accounts.deactivateAccount)(actor, { personId: person.id })],
    ["reactivate an account", (actor) => asSubmitted(accountActionSchema, accounts.reactivateAccount)(actor, { personId: person.id })],
    [
      "grant a role",
      (actor) => asSubmitted(grantRoleSchema, roles.grantRole)(actor, { personId: person.id, role: "UNION_SPONSOR", teamCode: couriers.code, startDate: today }),
    ],
    ["end a role", (actor) => asSubmitted(endRoleSchema, roles.endRole)(actor, { assignmentId: leadership.id, endDate: today })],
    [
      "hand over a role",
      (actor) =>
        asSubmitted(handOverRoleSchema, roles.handOverRole)(actor, { assignmentId: leadership.id, day: today, successorKind: "NEW", successorName: "Next Lead", successorEmail: "next.lead@example.org" }),
    ],
  ];
});

describe("administration is refused, with nothing written, to", () => {
  for (const who of ["laborColead", "unionSponsor", "staff", "consultant", "finance"] as const) {
    it(`${who}: every action`, async () => {
      for (const [, attempt] of attempts) {
        await expectRefusedWithoutWrites(footprint, () => attempt(cast[who]), ForbiddenError, /^Only administrators/);
      }
    });
  }
});
