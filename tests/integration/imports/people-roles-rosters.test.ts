import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { actorFor } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { csvFile, importFootprint, regionalAdmin, runImport } from "@/tests/support/imports";

let admin: PersonActor;
let coloradoTeam: { id: string; code: string };
let georgiaTeam: { code: string };

beforeAll(async () => {
  await resetToSeed();
  admin = await actorFor("admin@example.org");
  coloradoTeam = await prisma.team.findFirstOrThrow({ where: { region: { slug: "colorado" }, retiredQuarter: null }, orderBy: { code: "asc" } });
  georgiaTeam = await prisma.team.findFirstOrThrow({ where: { region: { slug: "georgia" } }, orderBy: { code: "asc" } });
});

describe("importing people", () => {
  it("creates people and password-less sign-in accounts, and updates by employee id, else email", async () => {
    const rows = [
      ["Ana Import", "Ana.Import@Example.org", "X1000001", "Teamsters Local 455", "yes"],
      ["Ben Import", "", "X1000002", "", "no"],
      ["Cy Import", "cy.import@example.org", "", "", ""],
    ];
    const result = await runImport(admin, "people", "import", csvFile("people", rows), "people.csv");
    expect(result.errors).toEqual([]);
    expect(result.tallies).toEqual({ people: { created: 3, updated: 0, unchanged: 0 }, accounts: { created: 1, updated: 0, unchanged: 0 } });
    const ana = await prisma.person.findUniqueOrThrow({ where: { employeeId: "X1000001" }, include: { user: true, unionLocal: true } });
    expect(ana).toMatchObject({ displayName: "Ana Import", email: "ana.import@example.org", unionLocal: { name: "Teamsters Local 455" } });
    expect(ana.user).toMatchObject({ email: "ana.import@example.org", passwordHash: null, disabled: false });
    expect(await prisma.auditEntry.count({ where: { reason: "Imported from people.csv", action: "person.created" } })).toBe(3);
    expect(await prisma.auditEntry.count({ where: { reason: "Imported from people.csv", action: "account.created" } })).toBe(1);

    const changes = [
      ["Ana Import", "ana.import@example.org", "X1000001", "", "yes"], // union local removed
      ["Ben Import-Smith", "ben.import@example.org", "X1000002", "", "yes"], // renamed, email and account added
      ["Cy Import", "cy.import@example.org", "X1000003", "", "no"], // matched by email, employee id added
    ];
    const updated = await runImport(admin, "people", "import", csvFile("people", changes));
    expect(updated.errors).toEqual([]);
    expect(updated.tallies).toEqual({ people: { created: 0, updated: 3, unchanged: 0 }, accounts: { created: 1, updated: 0, unchanged: 1 } });
    expect(await prisma.person.findUniqueOrThrow({ where: { email: "cy.import@example.org" } })).toMatchObject({ employeeId: "X1000003" });
  });

  it("refuses keys that belong to someone else, a removed employee id, and a changed email of someone who signs in", async () => {
    const rows = [
      ["Ana Import", "cy.import@example.org", "X1000001", "", "no"], // row 2: Cy's email on Ana
      ["Cy Import", "cy.import@example.org", "", "", "no"], // row 3: repeats row 2's email; Cy's employee id left out
      ["Ana Import", "ana.new@example.org", "X1000009", "", "no"], // row 4: an email of... new; fine on its own
      ["Ana Import", "ana.other@example.org", "X1000001", "", "no"], // row 5: Ana signs in: email change refused; id repeats row 2
      ["Dee Import", "staff@example.org", "X1000010", "", "yes"], // row 6: the LMP staff demo's email, who has another employee id
      ["", "", "", "Nowhere Local", "maybe"], // row 7: two problems in its cells
    ];
    const before = await importFootprint();
    const result = await runImport(admin, "people", "import", csvFile("people", rows));
    expect(result.written).toBe(false);
    expect(result.errors.map(({ row, column }) => [row, column])).toEqual([
      [2, "email"],
      [3, "email"],
      [3, "employee_id"],
      [5, "employee_id"],
      [5, "email"],
      [6, "employee_id"],
      [7, "display_name"],
      [7, "account"],
    ]);
    expect(result.errors.find((e) => e.row === 5 && e.column === "email")!.message).toMatch(/signs in as ana.import@example.org/);
    expect(result.errors.find((e) => e.row === 3 && e.column === "employee_id")!.message).toMatch(/has the employee id X1000003/);
    expect(await importFootprint()).toEqual(before);
  });

  it("lets a regional administrator change only people in their regions", async () => {
    const coloradoAdmin = await regionalAdmin("colorado");
    const georgian = await prisma.person.findFirstOrThrow({
      where: { roleAssignments: { some: { team: { region: { slug: "georgia" } } } }, NOT: { roleAssignments: { some: { team: { region: { slug: "colorado" } } } } } },
    });
    const result = await runImport(coloradoAdmin, "people", "preview", csvFile("people", [[`${georgian.displayName} Jr`, georgian.email ?? "", georgian.employeeId, "", "no"]]));
    expect(result.errors).toEqual([{ row: 2, column: "employee_id", message: expect.stringMatching(/no role or roster place in your regions \(Colorado\)/) }]);
  });
});

describe("importing roles", () => {
  it("grants team, regional and national roles, ends one by its end date, and refuses what ROLE_SCOPES forbids", async () => {
    const rows = [
      ["X1000001", "LABOR_COLEAD", coloradoTeam.code, "", "2024-01-08", ""],
      ["ana.import@example.org", "Union sponsor", coloradoTeam.code, "colorado", "2024-01-08", "2025-06-30"],
      ["X1000002", "CONSULTANT", "", "Georgia", "2023-04-03", ""],
      ["X1000003", "LMP_STAFF", "", "", "2022-01-03", ""],
    ];
    const result = await runImport(admin, "roles", "import", csvFile("roles", rows), "roles.csv");
    expect(result.errors).toEqual([]);
    expect(result.tallies.roles).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const ana = await prisma.person.findUniqueOrThrow({ where: { employeeId: "X1000001" }, include: { roleAssignments: { orderBy: { role: "asc" } } } });
    expect(ana.roleAssignments.map((a) => [a.role, a.teamId, a.endDate?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["LABOR_COLEAD", coloradoTeam.id, null],
      ["UNION_SPONSOR", coloradoTeam.id, "2025-06-30"],
    ]);
    expect(await prisma.auditEntry.count({ where: { reason: "Imported from roles.csv", action: "role.granted" } })).toBe(4);

    const ended = await runImport(admin, "roles", "import", csvFile("roles", [["X1000001", "LABOR_COLEAD", coloradoTeam.code, "", "2024-01-08", "2026-03-31"]]));
    expect(ended.tallies.roles).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await prisma.auditEntry.count({ where: { action: "role.ended", entityId: ana.roleAssignments[0]!.id } })).toBe(1);

    const wrong = [
      ["X1000001", "LABOR_COLEAD", "", "colorado", "2024-01-08", ""], // row 2: a team role without a team
      ["X1000001", "CONSULTANT", "", "", "2024-01-08", ""], // row 3: a consultant needs a region
      ["X1000001", "ADMIN", coloradoTeam.code, "", "2024-01-08", ""], // row 4: not a team role
      ["nobody@example.org", "LMP_STAFF", "", "", "2026-02-30", "2020-01-01"], // row 5: unknown person, a day that does not exist
      ["X1000001", "CHIEF", "", "", "2024-01-08", ""], // row 6
      ["X1000001", "LMP_STAFF", "", "", "2024-01-08", "2023-01-01"], // row 7: ends before it starts
    ];
    const before = await importFootprint();
    const refused = await runImport(admin, "roles", "import", csvFile("roles", wrong));
    expect(refused.errors.map(({ row, column }) => [row, column])).toEqual([
      [2, "team_code"],
      [3, "region"],
      [4, "team_code"],
      [5, "start_date"],
      [6, "role"],
      [7, "end_date"],
    ]);
    expect(refused.errors.find((e) => e.row === 5)!.message).toBe("That date does not exist");
    expect(await importFootprint()).toEqual(before);
  });

  it("refuses a regional administrator another region's roles and national ones", async () => {
    const coloradoAdmin = await regionalAdmin("colorado");
    const rows = [
      ["X1000002", "UNION_SPONSOR", georgiaTeam.code, "", "2024-01-08", ""],
      ["X1000002", "LMP_STAFF", "", "", "2024-01-08", ""],
      ["X1000002", "CONSULTANT", "", "colorado", "2024-01-08", ""],
    ];
    const result = await runImport(coloradoAdmin, "roles", "preview", csvFile("roles", rows));
    expect(result.errors).toEqual([
      { row: 2, column: "team_code", message: expect.stringMatching(/is in Georgia, which is not one of the regions you administer/) },
      { row: 3, column: "region", message: expect.stringMatching(/national: only a national administrator/) },
    ]);
    expect(result.tallies.roles!.created).toBe(1);
  });
});

describe("importing rosters", () => {
  it("adds members with key roles, updates the day they left, and refuses unknown teams and people", async () => {
    const rows = [
      [coloradoTeam.code, "X1000001", "2024-01-08", "", "facilitator;Health and safety champion"],
      [coloradoTeam.code.toLowerCase(), "ben.import@example.org", "2024-02-01", "2025-01-31", "RECORDER"],
    ];
    const result = await runImport(admin, "rosters", "import", csvFile("rosters", rows), "roster.csv");
    expect(result.errors).toEqual([]);
    expect(result.tallies.members).toEqual({ created: 2, updated: 0, unchanged: 0 });
    // The team's seeded roster is left out: only the two imported members.
    const imported = { OR: [{ employeeId: "X1000001" }, { email: "ben.import@example.org" }] };
    const members = await prisma.teamMember.findMany({ where: { teamId: coloradoTeam.id, person: imported }, orderBy: { joinedOn: "asc" } });
    expect(members.map((m) => m.keyRoles)).toEqual([["FACILITATOR", "HEALTH_AND_SAFETY_CHAMPION"], ["RECORDER"]]);

    const same = await runImport(admin, "rosters", "import", csvFile("rosters", [[coloradoTeam.code, "X1000001", "2024-01-08", "", "health_and_safety_champion; facilitator"]]));
    expect(same.tallies.members).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const left = await runImport(admin, "rosters", "import", csvFile("rosters", [[coloradoTeam.code, "X1000001", "2024-01-08", "2026-05-31", "facilitator"]]));
    expect(left.tallies.members).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await prisma.auditEntry.count({ where: { action: "roster.memberUpdated", entityId: members[0]!.id } })).toBe(1);

    const wrong = [
      ["NOPE-1", "X1000001", "2024-01-08", "", ""],
      [coloradoTeam.code, "X9999999", "2024-01-08", "", ""],
      [coloradoTeam.code, "X1000001", "2024-01-08", "", "captain"],
      [coloradoTeam.code, "X1000002", "2024-02-01", "", ""],
      [coloradoTeam.code, "ben.import@example.org", "2024-02-01", "", ""],
    ];
    const before = await importFootprint();
    const refused = await runImport(admin, "rosters", "import", csvFile("rosters", wrong));
    expect(refused.errors.map(({ row, column }) => [row, column])).toEqual([
      [2, "team_code"],
      [3, "person"],
      [4, "key_roles"],
      [6, "joined_on"],
    ]);
    expect(refused.errors.at(-1)!.message).toBe("Row 5 puts the same person on the same team from the same day");
    expect(await importFootprint()).toEqual(before);
  });
});
