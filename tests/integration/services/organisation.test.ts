import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getOrganisationRegions, getRegionFacilities } from "@/lib/data/organisation";
import { getRegionalTable } from "@/lib/data/regional-rollup";
import { getSponsorQueue } from "@/lib/data/sponsor-queue";
import { prisma } from "@/lib/db";
import { addQuarters, currentQuarter, quarterBounds, type Quarter } from "@/lib/domain/quarter";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import * as organisation from "@/lib/services/organisation";
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
import { asSubmitted } from "@/tests/support/as-submitted";
import { actorFor, couriersTeam, regionalAdminOf } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites } from "@/tests/support/refusals";

const createFacility = asSubmitted(createFacilitySchema, organisation.createFacility);
const updateFacility = asSubmitted(updateFacilitySchema, organisation.updateFacility);
const retireFacility = asSubmitted(facilityIdSchema, organisation.retireFacility);
const reactivateFacility = asSubmitted(facilityIdSchema, organisation.reactivateFacility);
const createDepartment = asSubmitted(createDepartmentSchema, organisation.createDepartment);
const updateDepartment = asSubmitted(updateDepartmentSchema, organisation.updateDepartment);
const mergeDepartments = asSubmitted(mergeDepartmentsSchema, organisation.mergeDepartments);
const createTeam = asSubmitted(createTeamSchema, organisation.createTeam);
const updateTeam = asSubmitted(updateTeamSchema, organisation.updateTeam);
const moveTeam = asSubmitted(moveTeamSchema, organisation.moveTeam);
const retireTeam = asSubmitted(teamIdSchema, organisation.retireTeam);
const reactivateTeam = asSubmitted(teamIdSchema, organisation.reactivateTeam);

// Retirement runs on the real clock: a team retired today leaves from the real next quarter.
const thisQuarter = currentQuarter();
const nextQuarter = addQuarters(thisQuarter, 1);

let admin: PersonActor;
let georgiaAdmin: PersonActor;
let colorado: { id: string; slug: string };
let georgia: { id: string; slug: string };

/** Everything an organisation action could write. */
async function footprint() {
  const [facilities, departments, teams, audit, people] = await Promise.all([
    prisma.facility.findMany({ orderBy: { id: "asc" } }),
    prisma.department.findMany({ orderBy: { id: "asc" } }),
    prisma.team.findMany({ orderBy: { id: "asc" }, select: { id: true, code: true, name: true, departmentId: true, regionId: true, unionLocalId: true, charteredQuarter: true, retiredQuarter: true } }),
    prisma.auditEntry.count(),
    prisma.person.count(),
  ]);
  return { facilities, departments, teams, audit, people };
}

function refused(action: () => Promise<unknown>, errorType: new (...args: never[]) => Error, message?: RegExp) {
  return expectRefusedWithoutWrites(footprint, action, errorType, message);
}

/** The field errors a refusal carries, as the form would show them beside its fields. */
async function fieldErrorsOf(action: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await action.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as { fieldErrors: Record<string, string[]> }).fieldErrors;
}

async function auditOf(entityId: string) {
  const entries = await prisma.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" } });
  return entries.map(({ action, actorId, before, after, reason }) => ({ action, actorId, before, after, reason }));
}

/** A small facility of its own for a test: two departments, three teams. */
async function facilityFixture(regionId = colorado.id, label = crypto.randomUUID().slice(0, 8)) {
  const facility = await prisma.facility.create({ data: { regionId, name: `Fixture ${label}` } });
  const department = (name: string) => prisma.department.create({ data: { facilityId: facility.id, regionId, name, type: "PHARMACY" } });
  const pharmacy = await department("Pharmacy");
  const lab = await department("Laboratory");
  const team = (code: string, departmentId: string) =>
    prisma.team.create({ data: { code: `${code}-${label}`.toUpperCase(), name: `${code} ${label}`, regionId, departmentId, charteredQuarter: "2020-Q1" } });
  return { facility, pharmacy, lab, teams: [await team("A", pharmacy.id), await team("B", pharmacy.id), await team("C", lab.id)] };
}

beforeAll(async () => {
  await resetToSeed();
  admin = await actorFor("admin@example.org");
  colorado = await prisma.region.findUniqueOrThrow({ where: { slug: "colorado" }, select: { id: true, slug: true } });
  georgia = await prisma.region.findUniqueOrThrow({ where: { slug: "georgia" }, select: { id: true, slug: true } });
  georgiaAdmin = await regionalAdminOf(georgia.id);
});

describe("facilities", () => {
  it("an administrator creates one in a region, audited; its name is unique in the region whatever its capitals", async () => {
    const outcome = await createFacility(admin, { regionId: colorado.id, name: "  Aurora Medical Offices " });
    expect(outcome).toEqual({ facilityId: expect.any(String), regionSlug: "colorado" });
    expect(await prisma.facility.findUniqueOrThrow({ where: { id: outcome.facilityId } })).toMatchObject({ name: "Aurora Medical Offices", regionId: colorado.id, retiredQuarter: null });
    expect(await auditOf(outcome.facilityId)).toEqual([
      { action: "facility.created", actorId: admin.personId, before: null, after: { regionId: colorado.id, name: "Aurora Medical Offices", retiredQuarter: null }, reason: null },
    ]);

    await refused(() => createFacility(admin, { regionId: colorado.id, name: "aurora medical offices" }), ConflictError, /already has a facility named "Aurora Medical Offices"/);
    expect(await fieldErrorsOf(createFacility(admin, { regionId: colorado.id, name: "AURORA MEDICAL OFFICES" }))).toEqual({ name: [expect.stringMatching(/already has a facility/)] });
    // Another region may have a facility of that name.
    await expect(createFacility(admin, { regionId: georgia.id, name: "Aurora Medical Offices" })).resolves.toMatchObject({ regionSlug: "georgia" });
  });

  it("refuses a blank or overlong name and an unknown region, writing nothing", async () => {
    expect(await fieldErrorsOf(createFacility(admin, { regionId: colorado.id, name: "  " }))).toEqual({ name: ["Enter the facility's name"] });
    await refused(() => createFacility(admin, { regionId: colorado.id, name: "x".repeat(161) }), InvalidInputError, /Keep the facility's name to 160 characters/);
    await refused(() => createFacility(admin, { regionId: "00000000-0000-4000-8000-000000000000", name: "Nowhere" }), InvalidInputError, /Choose a region/);
  });

  it("renames one, refusing another facility's name in the region", async () => {
    const { facility } = await facilityFixture();
    const other = await facilityFixture();
    await updateFacility(admin, { facilityId: facility.id, name: `${facility.name} East` });
    expect(await auditOf(facility.id)).toEqual([expect.objectContaining({ action: "facility.updated", before: expect.objectContaining({ name: facility.name }), after: expect.objectContaining({ name: `${facility.name} East` }) })]);
    expect(await fieldErrorsOf(updateFacility(admin, { facilityId: facility.id, name: other.facility.name.toLowerCase() }))).toEqual({ name: [expect.stringMatching(/already has a facility/)] });
    await refused(() => updateFacility(admin, { facilityId: "00000000-0000-4000-8000-000000000000", name: "Ghost" }), NotFoundError);
  });

  it("retires with its operating teams from the next quarter in one step; reactivating brings back only those", async () => {
    const { facility, teams } = await facilityFixture();
    const [alone, withFacility] = [teams[0]!, teams[1]!];
    await prisma.team.update({ where: { id: alone.id }, data: { retiredQuarter: "2021-Q3" } });

    const retired = await retireFacility(admin, { facilityId: facility.id });
    expect(retired.teamIds.sort()).toEqual([withFacility.id, teams[2]!.id].sort());
    expect((await prisma.facility.findUniqueOrThrow({ where: { id: facility.id } })).retiredQuarter).toBe(nextQuarter);
    const retiredQuarters = async () =>
      Object.fromEntries((await prisma.team.findMany({ where: { id: { in: teams.map((team) => team.id) } } })).map((team) => [team.id, team.retiredQuarter]));
    expect(await retiredQuarters()).toEqual({ [alone.id]: "2021-Q3", [withFacility.id]: nextQuarter, [teams[2]!.id]: nextQuarter });
    expect(await auditOf(withFacility.id)).toEqual([
      expect.objectContaining({ action: "team.retired", before: expect.objectContaining({ retiredQuarter: null }), after: expect.objectContaining({ retiredQuarter: nextQuarter }), reason: `Retired with ${facility.name}` }),
    ]);
    expect(await auditOf(facility.id)).toEqual([expect.objectContaining({ action: "facility.retired", after: expect.objectContaining({ retiredQuarter: nextQuarter }) })]);

    await refused(() => retireFacility(admin, { facilityId: facility.id }), ConflictError, /already retired/);
    // Its teams come back only with it.
    await refused(() => reactivateTeam(admin, { teamId: withFacility.id }), ConflictError, /reactivate the facility first/);
    await refused(() => createTeam(admin, { departmentId: teams[2]!.departmentId, code: "NEW-1", name: "New", unionLocalId: "", charteredQuarter: thisQuarter }), ConflictError, /reactivate the facility first/);

    await reactivateFacility(admin, { facilityId: facility.id });
    expect((await prisma.facility.findUniqueOrThrow({ where: { id: facility.id } })).retiredQuarter).toBeNull();
    expect(await retiredQuarters()).toEqual({ [alone.id]: "2021-Q3", [withFacility.id]: null, [teams[2]!.id]: null });
    await refused(() => reactivateFacility(admin, { facilityId: facility.id }), ConflictError, /is not retired/);
  });
});

describe("departments", () => {
  it("are created in a facility (in its region) and edited, their names unique in the facility", async () => {
    const { facility, pharmacy } = await facilityFixture();
    const outcome = await createDepartment(admin, { facilityId: facility.id, name: "Radiology", type: "IMAGING" });
    expect(await prisma.department.findUniqueOrThrow({ where: { id: outcome.departmentId } })).toMatchObject({ facilityId: facility.id, regionId: colorado.id, name: "Radiology", type: "IMAGING" });
    expect(await auditOf(outcome.departmentId)).toEqual([expect.objectContaining({ action: "department.created", actorId: admin.personId })]);

    expect(await fieldErrorsOf(createDepartment(admin, { facilityId: facility.id, name: "PHARMACY", type: "PHARMACY" }))).toEqual({ name: [expect.stringMatching(/already has a department named "Pharmacy"/)] });
    expect(await fieldErrorsOf(createDepartment(admin, { facilityId: facility.id, name: "Cardiology", type: "NOT_A_TYPE" }))).toEqual({ type: ["Choose the kind of department"] });

    await updateDepartment(admin, { departmentId: outcome.departmentId, name: "Imaging", type: "IMAGING" });
    expect(await auditOf(outcome.departmentId)).toEqual([
      expect.objectContaining({ action: "department.created" }),
      expect.objectContaining({ action: "department.updated", before: expect.objectContaining({ name: "Radiology" }), after: expect.objectContaining({ name: "Imaging" }) }),
    ]);
    await refused(() => updateDepartment(admin, { departmentId: outcome.departmentId, name: pharmacy.name, type: "IMAGING" }), ConflictError, /already has a department/);
  });

  it("merge: the teams move to the other department of the facility and the emptied one is deleted, audited", async () => {
    const { facility, pharmacy, lab, teams } = await facilityFixture();
    const outcome = await mergeDepartments(admin, { departmentId: pharmacy.id, intoDepartmentId: lab.id });
    expect(outcome).toMatchObject({ departmentId: lab.id, facilityId: facility.id });
    expect(outcome.movedTeamIds.sort()).toEqual([teams[0]!.id, teams[1]!.id].sort());
    expect(await prisma.department.findUnique({ where: { id: pharmacy.id } })).toBeNull();
    expect(await prisma.team.count({ where: { departmentId: lab.id } })).toBe(3);
    expect(await auditOf(pharmacy.id)).toEqual([
      expect.objectContaining({ action: "department.merged", before: expect.objectContaining({ name: "Pharmacy", teams: [teams[0]!.code, teams[1]!.code] }), after: { mergedInto: lab.id, name: "Laboratory" } }),
    ]);
    expect(await auditOf(teams[0]!.id)).toEqual([expect.objectContaining({ action: "team.updated", after: expect.objectContaining({ departmentId: lab.id }) })]);
  });

  it("merge refuses a department of another facility, and the department itself", async () => {
    const one = await facilityFixture();
    const other = await facilityFixture();
    expect(await fieldErrorsOf(mergeDepartments(admin, { departmentId: one.pharmacy.id, intoDepartmentId: other.lab.id }))).toEqual({
      intoDepartmentId: [`Choose another department of ${one.facility.name}`],
    });
    await refused(() => mergeDepartments(admin, { departmentId: one.pharmacy.id, intoDepartmentId: other.lab.id }), InvalidInputError);
    await refused(() => mergeDepartments(admin, { departmentId: one.pharmacy.id, intoDepartmentId: one.pharmacy.id }), InvalidInputError, /cannot merge into itself/);
  });
});

describe("teams", () => {
  it("are created in a department with a unique code kept in capitals, audited", async () => {
    const { lab } = await facilityFixture();
    const local = await prisma.unionLocal.findFirstOrThrow();
    const outcome = await createTeam(admin, { departmentId: lab.id, code: " co-9001 ", name: "Lab Nights", unionLocalId: local.id, charteredQuarter: thisQuarter });
    expect(await prisma.team.findUniqueOrThrow({ where: { id: outcome.teamId } })).toMatchObject({
      code: "CO-9001",
      name: "Lab Nights",
      departmentId: lab.id,
      regionId: colorado.id,
      unionLocalId: local.id,
      charteredQuarter: thisQuarter,
      retiredQuarter: null,
    });
    expect(await auditOf(outcome.teamId)).toEqual([expect.objectContaining({ action: "team.created", after: expect.objectContaining({ code: "CO-9001" }) })]);
  });

  it("refuse a code in use (whatever its capitals), a quarter not begun, an unknown union local and a bad code, writing nothing", async () => {
    const { lab } = await facilityFixture();
    const input = { departmentId: lab.id, code: "CO-9100", name: "Lab Days", unionLocalId: "", charteredQuarter: thisQuarter };
    expect(await fieldErrorsOf(createTeam(admin, { ...input, code: "co-0001" }))).toEqual({ code: [expect.stringMatching(/^CO-0001 is already the code of /)] });
    await refused(() => createTeam(admin, { ...input, code: "co-0001" }), ConflictError);
    expect(await fieldErrorsOf(createTeam(admin, { ...input, charteredQuarter: nextQuarter }))).toEqual({ charteredQuarter: [`Choose ${thisQuarter} or earlier: a team is chartered in a quarter that has begun`] });
    await refused(() => createTeam(admin, { ...input, unionLocalId: "00000000-0000-4000-8000-000000000000" }), InvalidInputError, /union local/);
    expect(await fieldErrorsOf(createTeam(admin, { ...input, code: "CO 9100!" }))).toEqual({ code: ["Use letters, digits, dots, hyphens and underscores in the team's code"] });
    await refused(() => createTeam(admin, { ...input, departmentId: "00000000-0000-4000-8000-000000000000" }), NotFoundError);
  });

  it("are edited: code, name, union local and charter quarter, never later than their first rating", async () => {
    const couriers = await couriersTeam();
    await updateTeam(admin, { teamId: couriers.id, code: "co-0001a", name: "Couriers", unionLocalId: "", charteredQuarter: couriers.charteredQuarter });
    expect(await prisma.team.findUniqueOrThrow({ where: { id: couriers.id } })).toMatchObject({ code: "CO-0001A", name: "Couriers", unionLocalId: null });
    expect(await auditOf(couriers.id)).toEqual([
      expect.objectContaining({ action: "team.updated", before: expect.objectContaining({ code: couriers.code, unionLocalId: couriers.unionLocalId }), after: expect.objectContaining({ code: "CO-0001A", unionLocalId: null }) }),
    ]);
    const firstRated = (await prisma.rating.findFirstOrThrow({ where: { teamId: couriers.id }, orderBy: { quarter: "asc" } })).quarter;
    await refused(
      () => updateTeam(admin, { teamId: couriers.id, code: couriers.code, name: couriers.name, unionLocalId: "", charteredQuarter: addQuarters(firstRated as Quarter, 1) }),
      InvalidInputError,
      new RegExp(`the team has a rating for`),
    );
    await updateTeam(admin, { teamId: couriers.id, code: couriers.code, name: couriers.name, unionLocalId: couriers.unionLocalId ?? "", charteredQuarter: couriers.charteredQuarter });
  });

  it("move to another department of the region, or of another region (the region moves with it)", async () => {
    const here = await facilityFixture();
    const there = await facilityFixture(georgia.id);
    const team = here.teams[0]!;
    await moveTeam(admin, { teamId: team.id, departmentId: here.lab.id });
    expect(await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ departmentId: here.lab.id, regionId: colorado.id });

    const outcome = await moveTeam(admin, { teamId: team.id, departmentId: there.pharmacy.id });
    expect(outcome).toMatchObject({ teamId: team.id, facilityId: there.facility.id, regionSlug: "georgia", from: { facilityId: here.facility.id, regionSlug: "colorado" } });
    expect(await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ departmentId: there.pharmacy.id, regionId: georgia.id });
    expect((await auditOf(team.id)).at(-1)).toMatchObject({
      action: "team.updated",
      before: expect.objectContaining({ departmentId: here.lab.id, regionId: colorado.id }),
      after: expect.objectContaining({ departmentId: there.pharmacy.id, regionId: georgia.id }),
      reason: `Moved from Laboratory (${here.facility.name}) to Pharmacy (${there.facility.name})`,
    });

    expect(await fieldErrorsOf(moveTeam(admin, { teamId: team.id, departmentId: there.pharmacy.id }))).toEqual({ departmentId: ["The team is already in Pharmacy: choose another department"] });
    await refused(() => moveTeam(admin, { teamId: team.id, departmentId: "00000000-0000-4000-8000-000000000000" }), InvalidInputError, /Choose a department/);
  });

  it("retire from the next quarter and come back on reactivation, audited", async () => {
    const { teams } = await facilityFixture();
    const team = teams[0]!;
    await retireTeam(admin, { teamId: team.id });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).retiredQuarter).toBe(nextQuarter);
    await refused(() => retireTeam(admin, { teamId: team.id }), ConflictError, /already retired/);

    await reactivateTeam(admin, { teamId: team.id });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).retiredQuarter).toBeNull();
    await refused(() => reactivateTeam(admin, { teamId: team.id }), ConflictError, /is not retired/);
    expect(await auditOf(team.id)).toEqual([
      expect.objectContaining({ action: "team.retired", actorId: admin.personId, before: expect.objectContaining({ retiredQuarter: null }), after: expect.objectContaining({ retiredQuarter: nextQuarter }) }),
      expect.objectContaining({ action: "team.reactivated", before: expect.objectContaining({ retiredQuarter: nextQuarter }), after: expect.objectContaining({ retiredQuarter: null }) }),
    ]);
  });
});

describe("a retired team in the roll-ups and the sponsor queue", () => {
  it("still counts in this quarter's roll-up and leaves it from its retirement quarter", async () => {
    const staff = await actorFor("staff@example.org");
    const coloradoTeams = async (quarter: Quarter) => (await getRegionalTable(staff, quarter)).rows.find((row) => row.id === colorado.id)!.teams;
    const before = { now: await coloradoTeams(thisQuarter), next: await coloradoTeams(nextQuarter) };
    const couriers = await couriersTeam();

    await retireTeam(admin, { teamId: couriers.id });
    expect(await coloradoTeams(thisQuarter)).toBe(before.now);
    expect(await coloradoTeams(nextQuarter)).toBe(before.next - 1);
  });

  it("stays in its sponsors' queue this quarter and drops out of it from its retirement quarter", async () => {
    const sponsor = await actorFor("sponsor.union@example.org");
    const couriers = await couriersTeam();
    expect(couriers.retiredQuarter).toBe(nextQuarter);
    const queued = async (now: Date, quarter: Quarter) => (await getSponsorQueue(sponsor, now)).filter((item) => item.quarter === quarter).map((item) => item.teamId);

    expect(await queued(new Date(), thisQuarter)).toContain(couriers.id);
    const inNextQuarter = await queued(quarterBounds(nextQuarter).start, nextQuarter);
    expect(inNextQuarter).not.toContain(couriers.id);
    // The sponsor's other teams are still asked for next quarter's rating.
    expect(inNextQuarter.length).toBeGreaterThan(0);
  });
});

describe("the tree's counts", () => {
  it("are the regions an administrator administers, with their facilities, departments and active and retired teams", async () => {
    const national = await getOrganisationRegions(admin);
    expect(national).toHaveLength(await prisma.region.count());
    const coloradoRow = national.find((row) => row.id === colorado.id)!;
    expect(coloradoRow).toEqual({
      id: colorado.id,
      slug: "colorado",
      name: "Colorado",
      facilities: await prisma.facility.count({ where: { regionId: colorado.id } }),
      departments: await prisma.department.count({ where: { regionId: colorado.id } }),
      activeTeams: await prisma.team.count({ where: { regionId: colorado.id, retiredQuarter: null } }),
      retiredTeams: await prisma.team.count({ where: { regionId: colorado.id, retiredQuarter: { not: null } } }),
    });
    expect(coloradoRow.retiredTeams).toBeGreaterThan(0);
    expect((await getOrganisationRegions(georgiaAdmin)).map((row) => row.slug)).toEqual(["georgia"]);
  });

  it("show a regional administrator their region and refuse another", async () => {
    await expect(getRegionFacilities(georgiaAdmin, "georgia")).resolves.toMatchObject({ region: { slug: "georgia" } });
    await expect(getRegionFacilities(georgiaAdmin, "colorado")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getRegionFacilities(admin, "atlantis")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a regional administrator", () => {
  it("administers their own region", async () => {
    const { facilityId } = await createFacility(georgiaAdmin, { regionId: georgia.id, name: "Georgia Fixture Offices" });
    const { departmentId } = await createDepartment(georgiaAdmin, { facilityId, name: "Pharmacy", type: "PHARMACY" });
    const { teamId } = await createTeam(georgiaAdmin, { departmentId, code: "GA-9001", name: "Fixture Pharmacy", unionLocalId: "", charteredQuarter: thisQuarter });
    await retireTeam(georgiaAdmin, { teamId });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: teamId } })).retiredQuarter).toBe(nextQuarter);
  });

  it("is refused every change in another region, and nothing is written", async () => {
    const { facility, pharmacy, lab, teams } = await facilityFixture();
    const georgiaFixture = await facilityFixture(georgia.id);
    const team = teams[0]!;
    const refusals: [string, () => Promise<unknown>][] = [
      ["create a facility", () => createFacility(georgiaAdmin, { regionId: colorado.id, name: "Elsewhere" })],
      ["rename a facility", () => updateFacility(georgiaAdmin, { facilityId: facility.id, name: "Renamed" })],
      ["retire a facility", () => retireFacility(georgiaAdmin, { facilityId: facility.id })],
      ["reactivate a facility", () => reactivateFacility(georgiaAdmin, { facilityId: facility.id })],
      ["create a department", () => createDepartment(georgiaAdmin, { facilityId: facility.id, name: "Imaging", type: "IMAGING" })],
      ["edit a department", () => updateDepartment(georgiaAdmin, { departmentId: pharmacy.id, name: "Renamed", type: "PHARMACY" })],
      ["merge departments", () => mergeDepartments(georgiaAdmin, { departmentId: pharmacy.id, intoDepartmentId: lab.id })],
      ["create a team", () => createTeam(georgiaAdmin, { departmentId: lab.id, code: "CO-9999", name: "Elsewhere", unionLocalId: "", charteredQuarter: thisQuarter })],
      ["edit a team", () => updateTeam(georgiaAdmin, { teamId: team.id, code: team.code, name: "Renamed", unionLocalId: "", charteredQuarter: team.charteredQuarter })],
      ["move a team within that region", () => moveTeam(georgiaAdmin, { teamId: team.id, departmentId: lab.id })],
      ["move a team from that region to theirs", () => moveTeam(georgiaAdmin, { teamId: team.id, departmentId: georgiaFixture.lab.id })],
      ["move a team of theirs to that region", () => moveTeam(georgiaAdmin, { teamId: georgiaFixture.teams[0]!.id, departmentId: lab.id })],
      ["retire a team", () => retireTeam(georgiaAdmin, { teamId: team.id })],
      ["reactivate a team", () => reactivateTeam(georgiaAdmin, { teamId: team.id })],
    ];
    for (const [, attempt] of refusals) await refused(attempt, ForbiddenError, /Only administrators \(national, or of the region concerned\) can administer the organisation/);
  });
});
