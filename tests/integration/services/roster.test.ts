import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getTeamRoster } from "@/lib/data/roster";
import { prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import * as roster from "@/lib/services/roster";
import { todayUtc } from "@/lib/validation/dates";
import { addRosterMemberSchema, recordMemberLeftSchema, setKeyRolesSchema } from "@/lib/validation/roster";
import { asSubmitted } from "@/tests/support/as-submitted";
import { actorFor, couriersTeam, demoCast, regionalAdminOf } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites } from "@/tests/support/refusals";

const addMember = asSubmitted(addRosterMemberSchema, roster.addRosterMember);
const setKeyRoles = asSubmitted(setKeyRolesSchema, roster.setKeyRoles);
const recordLeft = asSubmitted(recordMemberLeftSchema, roster.recordMemberLeft);

let couriersId: string;
let cast: Awaited<ReturnType<typeof demoCast>>;
let georgiaAdmin: PersonActor;

/** Everything a roster action could write. */
async function footprint() {
  const [members, people, audit] = await Promise.all([
    prisma.teamMember.findMany({ orderBy: { id: "asc" } }),
    prisma.person.findMany({ orderBy: { id: "asc" }, select: { id: true, displayName: true, email: true, employeeId: true } }),
    prisma.auditEntry.count(),
  ]);
  return { members, people, audit };
}

function refused(action: () => Promise<unknown>, errorType: new (...args: never[]) => Error, message?: RegExp) {
  return expectRefusedWithoutWrites(footprint, action, errorType, message);
}

async function auditOf(entityId: string) {
  const entries = await prisma.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" } });
  return entries.map(({ action, actorId, before, after, reason }) => ({ action, actorId, before, after, reason }));
}

function memberInput(overrides: Record<string, unknown> = {}) {
  return { teamId: couriersId, displayName: "Rosa Delgado", email: "", employeeId: "", joinedOn: "2025-03-03", keyRoles: [], ...overrides };
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  couriersId = couriers.id;
  cast = await demoCast(couriers);
  georgiaAdmin = await regionalAdminOf((await prisma.region.findUniqueOrThrow({ where: { slug: "georgia" } })).id);
});

describe("adding a member", () => {
  it("creates a new person when neither the email nor the employee id is on record, audited", async () => {
    const outcome = await addMember(cast.laborColead, memberInput({ email: "Rosa.Delgado@Example.org", employeeId: "E-1001", keyRoles: ["RECORDER"] }));
    expect(outcome).toMatchObject({ teamId: couriersId, displayName: "Rosa Delgado", existingPerson: false });
    const member = await prisma.teamMember.findUniqueOrThrow({ where: { id: outcome.memberId }, include: { person: true } });
    expect(member).toMatchObject({ teamId: couriersId, joinedOn: new Date("2025-03-03T00:00:00Z"), leftOn: null, keyRoles: ["RECORDER"] });
    expect(member.person).toMatchObject({ displayName: "Rosa Delgado", email: "rosa.delgado@example.org", employeeId: "E-1001" });
    expect(await auditOf(outcome.memberId)).toEqual([
      {
        action: "roster.memberAdded",
        actorId: cast.laborColead.personId,
        before: null,
        after: { teamId: couriersId, personId: member.personId, displayName: "Rosa Delgado", joinedOn: "2025-03-03", leftOn: null, keyRoles: ["RECORDER"] },
        reason: null,
      },
    ]);
    expect(await auditOf(member.personId)).toEqual([expect.objectContaining({ action: "person.created", actorId: cast.laborColead.personId })]);
  });

  it("adds the person on record with that email or employee id as they are recorded, without editing them", async () => {
    const person = await prisma.person.create({ data: { displayName: "Sam Okafor", email: "sam.okafor@example.org", employeeId: "E-2002" } });
    const byEmployeeId = await addMember(cast.managementColead, memberInput({ displayName: "Sammy O.", employeeId: "E-2002", joinedOn: "" }));
    expect(byEmployeeId).toMatchObject({ displayName: "Sam Okafor", existingPerson: true });
    const member = await prisma.teamMember.findUniqueOrThrow({ where: { id: byEmployeeId.memberId } });
    expect(member).toMatchObject({ personId: person.id, joinedOn: todayUtc() });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ displayName: "Sam Okafor", email: "sam.okafor@example.org", employeeId: "E-2002" });

    // Someone else, matched by email, on another team.
    const other = await prisma.person.create({ data: { displayName: "Lee Chen", email: "lee.chen@example.org" } });
    const byEmail = await addMember(cast.laborColead, memberInput({ displayName: "L. Chen", email: "LEE.CHEN@example.org", employeeId: "E-3003" }));
    expect((await prisma.teamMember.findUniqueOrThrow({ where: { id: byEmail.memberId } })).personId).toBe(other.id);
    // The co-lead named an employee id the record lacks: it is not written to the person.
    expect((await prisma.person.findUniqueOrThrow({ where: { id: other.id } })).employeeId).toBeNull();
  });

  it("refuses someone already a current member, beside the key that found them", async () => {
    const person = await prisma.person.create({ data: { displayName: "Ada Brown", email: "ada.brown@example.org", employeeId: "E-4004" } });
    await addMember(cast.laborColead, memberInput({ email: person.email }));
    await refused(() => addMember(cast.laborColead, memberInput({ email: person.email, joinedOn: "2025-06-01" })), ConflictError, /Ada Brown is already a member of this team \(since Mar 3, 2025\)/);
    await expect(addMember(cast.laborColead, memberInput({ employeeId: "E-4004" }))).rejects.toMatchObject({ fieldErrors: { employeeId: [expect.stringMatching(/already a member/)] } });
  });

  it("is backed by the database: a second current membership is refused even past the service's check (two adds at once)", async () => {
    const person = await prisma.person.create({ data: { displayName: "Noor Haddad", email: "noor.haddad@example.org" } });
    const membership = { teamId: couriersId, personId: person.id, joinedOn: new Date("2025-01-06T00:00:00Z") };
    await prisma.teamMember.create({ data: membership });
    await expect(prisma.teamMember.create({ data: { ...membership, joinedOn: new Date("2025-02-03T00:00:00Z") } })).rejects.toMatchObject({ code: "P2002" });
    // A past membership does not block a later one.
    await prisma.teamMember.updateMany({ where: { personId: person.id }, data: { leftOn: new Date("2025-01-31T00:00:00Z") } });
    await prisma.teamMember.create({ data: { ...membership, joinedOn: new Date("2025-02-03T00:00:00Z") } });
    expect(await prisma.teamMember.count({ where: { teamId: couriersId, personId: person.id } })).toBe(2);
  });

  it("refuses an email and an employee id of two different people, and a contradiction of the record", async () => {
    await prisma.person.create({ data: { displayName: "Kim Park", email: "kim.park@example.org", employeeId: "E-5005" } });
    await prisma.person.create({ data: { displayName: "Jo Reyes", email: "jo.reyes@example.org", employeeId: "E-6006" } });
    await refused(() => addMember(cast.laborColead, memberInput({ email: "kim.park@example.org", employeeId: "E-6006" })), InvalidInputError, /Kim Park's and this employee id Jo Reyes's/);
    await refused(() => addMember(cast.laborColead, memberInput({ email: "kim.park@example.org", employeeId: "E-9999" })), InvalidInputError, /Kim Park is on record with another employee id/);
    await refused(() => addMember(cast.laborColead, memberInput({ email: "someone.new@example.org", employeeId: "E-5005" })), InvalidInputError, /Kim Park is on record with another email/);
  });

  it("refuses bad input: no name, a bad email, a joining day in the future", async () => {
    await refused(() => addMember(cast.laborColead, memberInput({ displayName: " " })), InvalidInputError, /Enter the person's name/);
    await refused(() => addMember(cast.laborColead, memberInput({ email: "not-an-email" })), InvalidInputError, /Enter an email address like/);
    await refused(() => addMember(cast.laborColead, memberInput({ joinedOn: "2030-01-01" })), InvalidInputError, /joining date cannot be in the future/);
    await refused(() => addMember(cast.laborColead, memberInput({ keyRoles: ["CAPTAIN"] })), InvalidInputError, /Choose key roles from the list/);
    await refused(() => addMember(cast.laborColead, memberInput({ teamId: "00000000-0000-4000-8000-000000000000" })), NotFoundError);
  });

  it("is for the team's co-leads and administrators only", async () => {
    for (const actor of [cast.otherColoradoColead, cast.unionSponsor, cast.managementSponsor, cast.consultant, cast.staff, cast.finance, georgiaAdmin]) {
      await refused(() => addMember(actor, memberInput({ displayName: "Not Added", email: "not.added@example.org" })), ForbiddenError, /Only the team's co-leads and administrators can change the team's roster/);
    }
    await expect(addMember(cast.admin, memberInput({ displayName: "Added By Admin" }))).resolves.toMatchObject({ existingPerson: false });
  });
});

describe("key roles and leaving", () => {
  it("sets a current member's key roles, audited with before and after", async () => {
    const { memberId } = await addMember(cast.laborColead, memberInput({ displayName: "Noor Haddad" }));
    await setKeyRoles(cast.managementColead, { memberId, keyRoles: ["HEALTH_AND_SAFETY_CHAMPION", "FACILITATOR", "FACILITATOR"] });
    expect((await prisma.teamMember.findUniqueOrThrow({ where: { id: memberId } })).keyRoles.sort()).toEqual(["FACILITATOR", "HEALTH_AND_SAFETY_CHAMPION"]);
    expect((await auditOf(memberId)).at(-1)).toMatchObject({
      action: "roster.memberUpdated",
      actorId: cast.managementColead.personId,
      before: expect.objectContaining({ keyRoles: [] }),
      after: expect.objectContaining({ keyRoles: expect.arrayContaining(["FACILITATOR", "HEALTH_AND_SAFETY_CHAMPION"]) }),
    });
    expect((await getTeamRoster(cast.unionSponsor, couriersId)).healthAndSafetyChampions).toContain("Noor Haddad");

    await setKeyRoles(cast.laborColead, { memberId, keyRoles: [] });
    expect((await getTeamRoster(cast.unionSponsor, couriersId)).healthAndSafetyChampions).not.toContain("Noor Haddad");
    await refused(() => setKeyRoles(cast.otherColoradoColead, { memberId, keyRoles: ["RECORDER"] }), ForbiddenError);
    await refused(() => setKeyRoles(cast.unionSponsor, { memberId, keyRoles: ["RECORDER"] }), ForbiddenError);
  });

  it("records that a member left, not before they joined; they move to the past members and can no longer be changed", async () => {
    const { memberId } = await addMember(cast.laborColead, memberInput({ displayName: "Eli Moss", email: "eli.moss@example.org", keyRoles: ["RECORDER"] }));
    await expect(recordLeft(cast.laborColead, { memberId, leftOn: "2025-03-02" })).rejects.toMatchObject({ fieldErrors: { leftOn: ["Choose Mar 3, 2025 or later: Eli Moss joined on that day"] } });
    await refused(() => recordLeft(cast.laborColead, { memberId, leftOn: "2030-01-01" }), InvalidInputError, /leaving date cannot be in the future/);
    await refused(() => recordLeft(cast.unionSponsor, { memberId, leftOn: "2025-09-30" }), ForbiddenError);

    await recordLeft(cast.laborColead, { memberId, leftOn: "2025-09-30" });
    expect((await prisma.teamMember.findUniqueOrThrow({ where: { id: memberId } })).leftOn).toEqual(new Date("2025-09-30T00:00:00Z"));
    expect((await auditOf(memberId)).at(-1)).toMatchObject({ action: "roster.memberUpdated", after: expect.objectContaining({ leftOn: "2025-09-30" }), reason: "Left the team" });

    const seen = await getTeamRoster(cast.unionSponsor, couriersId);
    expect(seen.current.map((member) => member.id)).not.toContain(memberId);
    expect(seen.past).toContainEqual(expect.objectContaining({ id: memberId, name: "Eli Moss", keyRoles: ["RECORDER"] }));
    expect(seen.mayEdit).toBe(false);
    expect((await getTeamRoster(cast.laborColead, couriersId)).mayEdit).toBe(true);

    await refused(() => recordLeft(cast.laborColead, { memberId, leftOn: "2025-10-01" }), ConflictError, /Eli Moss left the team on Sep 30, 2025/);
    await refused(() => setKeyRoles(cast.laborColead, { memberId, keyRoles: [] }), ConflictError, /left the team/);
    // They can rejoin, after the day they left.
    await refused(() => addMember(cast.laborColead, memberInput({ email: "eli.moss@example.org", joinedOn: "2025-09-01" })), InvalidInputError, /Choose a day after Sep 30, 2025/);
    await expect(addMember(cast.laborColead, memberInput({ email: "eli.moss@example.org", joinedOn: "2025-11-01" }))).resolves.toMatchObject({ displayName: "Eli Moss" });
  });

  it("is seen by whoever may see the team, and by no one else", async () => {
    await expect(getTeamRoster(cast.consultant, couriersId)).resolves.toMatchObject({ mayEdit: false });
    await expect(getTeamRoster(cast.otherColoradoColead, couriersId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getTeamRoster(await actorFor("admin@example.org"), couriersId)).resolves.toMatchObject({ mayEdit: true });
  });
});
