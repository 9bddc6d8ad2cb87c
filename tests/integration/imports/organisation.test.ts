import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { MAX_ERRORS_SHOWN } from "@/lib/validation/imports";
import { actorFor } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { csvFile, importFootprint, regionalAdmin, runImport } from "@/tests/support/imports";

const REGIONS = ["colorado", "georgia", "hawaii", "northwest"];
const TYPES = ["PHARMACY", "Primary care", "laboratory", "IMAGING"];

/** A generated organisation: `count` teams over 40 new facilities, 4 departments each. */
function organisationRows(count: number, prefix = "IMP") {
  return Array.from({ length: count }, (_, index) => {
    const facility = index % 40;
    const department = Math.floor(index / 40) % 4;
    return [
      REGIONS[facility % REGIONS.length]!,
      `Imported Medical Center ${facility + 1}`,
      `Imported department ${department + 1}`,
      TYPES[department]!,
      `${prefix}-${String(index + 1).padStart(5, "0")}`,
      `Imported team ${index + 1}`,
      index % 10 === 0 ? "Teamsters Local 455" : "",
      "2019-Q2",
      index % 100 === 99 ? "2024-Q1" : "",
    ];
  });
}

let admin: PersonActor;

beforeAll(async () => {
  await resetToSeed();
  admin = await actorFor("admin@example.org");
});

describe("importing an organisation file", () => {
  const file = csvFile("organisation", organisationRows(10_000));

  it("creates 10,000 teams with their facilities and departments, audited, after a preview that writes nothing", async () => {
    const before = await importFootprint();
    const preview = await runImport(admin, "organisation", "preview", file, "organisation-10k.csv");
    expect(preview).toMatchObject({ rows: 10_000, errorCount: 0, written: false });
    expect(preview.tallies.teams).toEqual({ created: 10_000, updated: 0, unchanged: 0 });
    expect(await importFootprint()).toEqual(before);

    const imported = await runImport(admin, "organisation", "import", file, "organisation-10k.csv");
    expect(imported).toMatchObject({ rows: 10_000, errorCount: 0, errors: [], written: true });
    expect(imported.tallies).toEqual({
      facilities: { created: 40, updated: 0, unchanged: 0 },
      departments: { created: 160, updated: 0, unchanged: 0 },
      teams: { created: 10_000, updated: 0, unchanged: 0 },
    });
    const after = await importFootprint();
    expect(after.teams - before.teams).toBe(10_000);
    expect(after.facilities - before.facilities).toBe(40);
    expect(after.departments - before.departments).toBe(160);

    const team = await prisma.team.findUniqueOrThrow({
      where: { code: "IMP-00100" },
      include: { department: { include: { facility: true } }, region: true, unionLocal: true },
    });
    expect(team).toMatchObject({ name: "Imported team 100", charteredQuarter: "2019-Q2", retiredQuarter: "2024-Q1", unionLocal: null });
    expect(team.region.slug).toBe("northwest");
    expect(team.department).toMatchObject({ name: "Imported department 3", type: "LABORATORY", regionId: team.regionId });
    expect(team.department.facility).toMatchObject({ name: "Imported Medical Center 20", regionId: team.regionId });
    expect((await prisma.team.findUniqueOrThrow({ where: { code: "IMP-00011" }, include: { unionLocal: true } })).unionLocal?.name).toBe("Teamsters Local 455");

    const reason = "Imported from organisation-10k.csv";
    const audit = await prisma.auditEntry.groupBy({ by: ["action"], where: { reason }, _count: true, orderBy: { action: "asc" } });
    expect(audit.map(({ action, _count }) => [action, _count])).toEqual([
      ["department.created", 160],
      ["facility.created", 40],
      ["import.completed", 1],
      ["team.created", 10_000],
    ]);
    const teamEntry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "team.created", entityId: team.id } });
    expect(teamEntry).toMatchObject({ actorId: admin.personId, entityType: "Team", reason });
    expect(teamEntry.after).toMatchObject({ code: "IMP-00100", name: "Imported team 100", retiredQuarter: "2024-Q1" });
  });

  it("changes nothing when the same file is imported again, and adds no audit entry", async () => {
    const before = await importFootprint();
    const again = await runImport(admin, "organisation", "import", file, "organisation-10k.csv");
    expect(again.tallies).toEqual({
      facilities: { created: 0, updated: 0, unchanged: 40 },
      departments: { created: 0, updated: 0, unchanged: 160 },
      teams: { created: 0, updated: 0, unchanged: 10_000 },
    });
    expect(await importFootprint()).toEqual(before);
  });

  it("updates a team whose name, department, union local or quarters changed, with before and after in the audit", async () => {
    const rows = organisationRows(3);
    rows[1] = ["colorado", "Imported Medical Center 2", "Imported department 2", "PRIMARY_CARE", "IMP-00002", "Renamed team", "Teamsters Local 455", "2019-Q3", "2025-Q4"];
    const result = await runImport(admin, "organisation", "import", csvFile("organisation", rows), "changes.csv");
    expect(result.tallies.teams).toEqual({ created: 0, updated: 1, unchanged: 2 });
    const team = await prisma.team.findUniqueOrThrow({ where: { code: "IMP-00002" }, include: { region: true, unionLocal: true } });
    expect(team).toMatchObject({ name: "Renamed team", charteredQuarter: "2019-Q3", retiredQuarter: "2025-Q4" });
    expect(team.region.slug).toBe("colorado");
    // A department of that name in the new region's facility did not exist: it was created there.
    expect(result.tallies.facilities!.created + result.tallies.departments!.created).toBe(2);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "team.updated", entityId: team.id } });
    expect(entry.before).toMatchObject({ name: "Imported team 2", retiredQuarter: null });
    expect(entry.after).toMatchObject({ name: "Renamed team", retiredQuarter: "2025-Q4", regionId: team.regionId });
  });
});

describe("a file with problems", () => {
  it("imports nothing and reports every problem by row and column", async () => {
    const rows = organisationRows(8, "BAD");
    rows[1]![0] = "atlantis"; // row 3
    rows[2]![7] = "2021-Q5"; // row 4
    rows[2]![3] = "BAKERY"; // row 4, a second problem on the same row
    rows[3]![4] = "BAD-00001"; // row 5 repeats row 2's code
    rows[4]![6] = "No Such Local"; // row 6
    rows[5]![8] = "2018-Q1"; // row 7: retired before chartered
    rows[6]![5] = ""; // row 8
    const before = await importFootprint();
    const result = await runImport(admin, "organisation", "import", csvFile("organisation", rows));
    expect(result.written).toBe(false);
    expect(result.errorCount).toBe(7);
    expect(result.errors.map(({ row, column }) => [row, column])).toEqual([
      [3, "region"],
      [4, "department_type"],
      [4, "chartered_quarter"],
      [5, "team_code"],
      [6, "union_local"],
      [7, "retired_quarter"],
      [8, "team_name"],
    ]);
    const messages = Object.fromEntries(result.errors.map(({ row, column, message }) => [`${row} ${column}`, message]));
    expect(messages["3 region"]).toMatch(/no region "atlantis"/);
    expect(messages["4 chartered_quarter"]).toBe("Enter a quarter like 2021-Q2");
    expect(messages["4 department_type"]).toMatch(/"BAKERY" is not a kind of department/);
    expect(messages["5 team_code"]).toBe("The team code BAD-00001 is also on row 2");
    expect(messages["6 union_local"]).toMatch(/no union local named "No Such Local"/);
    expect(messages["7 retired_quarter"]).toMatch(/after the quarter it was chartered in/);
    expect(messages["8 team_name"]).toBe("Enter the team's name");
    expect(await importFootprint()).toEqual(before);
  });

  it("lists the first errors of a large wrong file and counts them all", async () => {
    const rows = organisationRows(5_000, "WRONG").map((row) => [...row.slice(0, 7), "soon", ""]);
    const result = await runImport(admin, "organisation", "preview", csvFile("organisation", rows));
    expect(result.errorCount).toBe(5_000);
    expect(result.errors).toHaveLength(MAX_ERRORS_SHOWN);
    expect(result.errors[0]).toEqual({ row: 2, column: "chartered_quarter", message: "Enter a quarter like 2021-Q2" });
  });

  it("refuses a department given another kind than it has", async () => {
    const rows = organisationRows(2, "KIND");
    rows[0]![1] = "Kind Medical Center";
    rows[1] = [...rows[0]!];
    rows[1][4] = "KIND-00002";
    rows[1][3] = "SURGERY";
    const result = await runImport(admin, "organisation", "preview", csvFile("organisation", rows));
    expect(result.errors).toEqual([{ row: 3, column: "department_type", message: expect.stringMatching(/^Row 2 makes Imported department 1 at Kind Medical Center a Pharmacy department/) }]);
  });
});

describe("a regional administrator", () => {
  it("imports rows of their own region and none of another's: each such row is refused naming the region, and nothing is written", async () => {
    const coloradoAdmin = await regionalAdmin("colorado");
    const georgiaTeam = await prisma.team.findFirstOrThrow({ where: { region: { slug: "georgia" } }, include: { department: { include: { facility: true } } } });
    const rows = [
      ["colorado", "Regional Center", "Pharmacy", "PHARMACY", "REG-1", "Colorado team", "", "2020-Q1", ""],
      ["georgia", "Regional Center", "Pharmacy", "PHARMACY", "REG-2", "Georgia team", "", "2020-Q1", ""],
      // Moving another region's team into one's own is refused too.
      ["colorado", "Regional Center", "Pharmacy", "PHARMACY", georgiaTeam.code, georgiaTeam.name, "", georgiaTeam.charteredQuarter, ""],
    ];
    const before = await importFootprint();
    const result = await runImport(coloradoAdmin, "organisation", "import", csvFile("organisation", rows));
    expect(result.written).toBe(false);
    expect(result.errors).toEqual([
      { row: 3, column: "region", message: expect.stringMatching(/^Team REG-2 is in Georgia, which is not one of the regions you administer/) },
      { row: 4, column: "team_code", message: expect.stringMatching(new RegExp(`^Team ${georgiaTeam.code} is in Georgia`)) },
    ]);
    expect(await importFootprint()).toEqual(before);

    const own = await runImport(coloradoAdmin, "organisation", "import", csvFile("organisation", rows.slice(0, 1)));
    expect(own).toMatchObject({ written: true, errorCount: 0 });
    expect(own.tallies.teams!.created).toBe(1);
  });

  it("is refused altogether to someone who administers nothing", async () => {
    const staff = await actorFor("staff@example.org");
    await expect(runImport(staff, "organisation", "preview", csvFile("organisation", organisationRows(1)))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
