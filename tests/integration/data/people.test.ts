import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { listDirectoryPeople, PEOPLE_PAGE_SIZE } from "@/lib/data/people";
import { prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { actorFor, actorWithAssignment, couriersTeam, regionalAdminOf } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { SEED_NOW } from "@/tests/support/seed-clock";

let staff: Actor;
let coloradoConsultant: Actor;
let georgiaConsultant: Actor;
let couriers: { id: string; code: string; regionId: string };
let tony: { id: string; displayName: string };

beforeAll(async () => {
  await resetToSeed();
  staff = await actorFor("staff@example.org");
  coloradoConsultant = await actorFor("consultant.colorado@example.org");
  georgiaConsultant = await actorWithAssignment({ role: "CONSULTANT", region: { slug: "georgia" } });
  couriers = await couriersTeam();
  tony = await prisma.person.findFirstOrThrow({ where: { email: "colead.labor@example.org" } });
});

describe("the people directory", () => {
  it("is open to LMP staff, administrators and consultants, and refused to co-leads in the matrix's words", async () => {
    await expect(listDirectoryPeople(await actorFor("colead.labor@example.org"), { page: 1 })).rejects.toThrow(ForbiddenError);
    await expect(listDirectoryPeople(await actorFor("sponsor.union@example.org"), { page: 1 })).rejects.toThrow(/Only LMP staff, administrators and UBT consultants/);
  });

  it("finds a person by part of a name, with the roles they hold today and the rosters they are on", async () => {
    const part = tony.displayName.slice(2, 7).toUpperCase();
    const { rows } = await listDirectoryPeople(coloradoConsultant, { search: part, page: 1 }, SEED_NOW);
    const found = rows.find((row) => row.id === tony.id);
    expect(found, part).toBeDefined();
    expect(found!.currentRoles.map((role) => role.role)).toContain("LABOR_COLEAD");
    expect(found!.currentRoles.find((role) => role.role === "LABOR_COLEAD")!.place).toMatchObject({ kind: "team", teamId: couriers.id });
    const memberships = await prisma.teamMember.findMany({ where: { personId: tony.id, leftOn: null }, select: { teamId: true } });
    expect(found!.teams.map((team) => team.id).sort()).toEqual(memberships.map((member) => member.teamId).sort());
    for (const row of rows) expect(row.displayName.toLowerCase()).toContain(part.toLowerCase());
  });

  it("shows a regional consultant or administrator only the people placed in their region", async () => {
    const part = tony.displayName.slice(2, 7);
    expect((await listDirectoryPeople(georgiaConsultant, { search: part, page: 1 })).rows.map((row) => row.id)).not.toContain(tony.id);
    const colorado = await listDirectoryPeople(await regionalAdminOf(couriers.regionId), { page: 1 });
    const placed = await prisma.person.count({
      where: { OR: [{ roleAssignments: { some: { OR: [{ regionId: couriers.regionId }, { team: { regionId: couriers.regionId } }] } } }, { teamMemberships: { some: { team: { regionId: couriers.regionId } } } }] },
    });
    expect(colorado.count).toBe(placed);
    expect((await listDirectoryPeople(coloradoConsultant, { page: 1 })).count).toBe(placed);
  });

  it("lists everyone for national LMP staff, fifty a page", async () => {
    const first = await listDirectoryPeople(staff, { page: 1 });
    expect(first.count).toBe(await prisma.person.count());
    expect(first.rows).toHaveLength(PEOPLE_PAGE_SIZE);
    const second = await listDirectoryPeople(staff, { page: 2 });
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(2 * PEOPLE_PAGE_SIZE);
  });
});
