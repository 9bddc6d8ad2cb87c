import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { matchHeader, RowErrors, validateRecord } from "@/lib/validation/import-rows";
import { IMPORT_DEFINITIONS, MAX_ERRORS_SHOWN, organisationRowSchema, peopleRowSchema, ratingsRowSchema, rolesRowSchema, rostersRowSchema } from "@/lib/validation/imports";

function check<T>(schema: Parameters<typeof validateRecord<T>>[0], kind: keyof typeof IMPORT_DEFINITIONS, cells: Record<string, string>) {
  const header = Object.keys(cells);
  const columns = matchHeader(kind, header);
  const errors = new RowErrors();
  const value = validateRecord(schema, columns, { row: 7, cells: Object.values(cells) }, errors);
  return { value, errors: errors.sorted() };
}

const organisation = {
  region: "colorado",
  facility: "Franklin",
  department: "Pharmacy",
  department_type: "Pharmacy",
  team_code: "co-9001",
  team_name: "Outpatient pharmacy",
  union_local: "",
  chartered_quarter: "2021-Q2",
  retired_quarter: "",
};

describe("matchHeader", () => {
  it("finds the columns in any order and spelling of case and spaces", () => {
    const { positions, width } = matchHeader("people", ["Account", "Display name", "EMAIL", "employee_id", "union_local"]);
    expect(positions.get("display_name")).toBe(1);
    expect(positions.get("account")).toBe(0);
    expect(width).toBe(5);
  });

  it("lets the ratings file leave out all seven dimension columns, but not some", () => {
    expect(matchHeader("ratings", ["team_code", "quarter", "level"]).positions.get("sponsorship")).toBe(-1);
    expect(() => matchHeader("ratings", ["team_code", "quarter", "level", "training"])).toThrow(/no column sponsorship, leadership, team_process/);
  });

  it("names missing, unknown and repeated columns and the template", () => {
    expect(() => matchHeader("rosters", ["team_code", "person", "joined"])).toThrow(InvalidInputError);
    expect(() => matchHeader("rosters", ["team_code", "person", "joined"])).toThrow(
      "The file has no column joined_on, left_on, key_roles. This import does not know the column joined. The rosters template (rosters-template.csv) has the columns: team_code, person, joined_on, left_on, key_roles.",
    );
    expect(() => matchHeader("rosters", ["team_code", "team code"])).toThrow(/column team_code more than once/);
  });
});

describe("the row schemas", () => {
  it("read an organisation row: the department type by value or label, the code in capitals, blanks as none", () => {
    expect(check(organisationRowSchema, "organisation", organisation)).toEqual({
      value: { ...organisation, department_type: "PHARMACY", team_code: "CO-9001", union_local: undefined, retired_quarter: undefined },
      errors: [],
    });
  });

  it("list every problem of a row by column, in plain words", () => {
    const { value, errors } = check(organisationRowSchema, "organisation", { ...organisation, region: "", department_type: "Bakery", chartered_quarter: "2021 Q2", team_code: "CO 1" });
    expect(value).toBeUndefined();
    expect(errors).toEqual([
      { row: 7, column: "region", message: "Enter the region (its slug or name)" },
      { row: 7, column: "department_type", message: '"Bakery" is not a kind of department: use one such as PHARMACY or PRIMARY_CARE' },
      { row: 7, column: "team_code", message: "Use letters, digits, dots, hyphens and underscores in the team's code" },
      { row: 7, column: "chartered_quarter", message: "Enter a quarter like 2021-Q2" },
    ]);
  });

  it("want an email or an employee id for a person, and an email for an account", () => {
    const base = { display_name: "Ana", email: "", employee_id: "", union_local: "", account: "yes" };
    expect(check(peopleRowSchema, "people", base).errors.map((e) => e.column)).toEqual(["employee_id", "account"]);
    expect(check(peopleRowSchema, "people", { ...base, email: "Ana@Example.org", account: "YES" }).value).toMatchObject({ email: "ana@example.org", account: true });
    expect(check(peopleRowSchema, "people", { ...base, employee_id: "E1", account: "sure" }).errors).toEqual([{ row: 7, column: "account", message: "Enter yes or no" }]);
  });

  it("follow ROLE_SCOPES: a team role on a team, a consultant in a region, staff in a region or nationally", () => {
    const role = (cells: Partial<Record<string, string>>) =>
      check(rolesRowSchema, "roles", { person: "E1", role: "LMP_STAFF", team_code: "", region: "", start_date: "2024-01-08", end_date: "", ...cells });
    expect(role({}).errors).toEqual([]);
    expect(role({ person: "Ana@Example.org" }).value?.person).toEqual({ email: "ana@example.org" });
    expect(role({ role: "labor co-lead" }).errors).toEqual([{ row: 7, column: "team_code", message: "Labor co-lead is a role on a team: enter the team's code" }]);
    expect(role({ role: "CONSULTANT" }).errors).toEqual([{ row: 7, column: "region", message: "UBT consultant is a role in a region: enter the region" }]);
    expect(role({ team_code: "CO-1" }).errors).toEqual([{ row: 7, column: "team_code", message: "LMP staff is not a role on a team: leave team_code blank" }]);
    expect(role({ start_date: "2026-02-30" }).errors).toEqual([{ row: 7, column: "start_date", message: "That date does not exist" }]);
    expect(role({ start_date: "8/1/2024" }).errors).toEqual([{ row: 7, column: "start_date", message: "Enter a date as YYYY-MM-DD" }]);
    expect(role({ end_date: "2023-01-01" }).errors).toEqual([{ row: 7, column: "end_date", message: "The end date is before the start date" }]);
  });

  it("read key roles separated by semicolons, in any case, each once", () => {
    const roster = (keyRoles: string) => check(rostersRowSchema, "rosters", { team_code: "CO-1", person: "E1", joined_on: "2024-01-08", left_on: "", key_roles: keyRoles });
    expect(roster("Health and safety champion; FACILITATOR;facilitator").value?.key_roles).toEqual(["FACILITATOR", "HEALTH_AND_SAFETY_CHAMPION"]);
    expect(roster("").value?.key_roles).toEqual([]);
    expect(roster("captain").errors[0]!.message).toMatch(/^"captain" is not a key team role/);
  });

  it("hold a rating to the Path to Performance rule: the level is the lowest of all seven dimension levels", () => {
    const dims = { sponsorship: "3", leadership: "4", training: "3", team_process: "5", team_member_engagement: "3", use_of_tools: "4", goals_and_performance: "3" };
    const rating = (cells: Record<string, string>) => check(ratingsRowSchema, "ratings", { team_code: "CO-1", quarter: "2021-Q2", level: "3", ...dims, ...cells });
    expect(rating({}).value).toMatchObject({ level: 3, dimensions: { SPONSORSHIP: 3, TEAM_PROCESS: 5 } });
    expect(rating({ level: "4" }).errors).toEqual([{ row: 7, column: "level", message: "The level must be the lowest dimension level, 3 (the Path to Performance rule)" }]);
    expect(rating({ training: "" }).errors).toEqual([{ row: 7, column: "training", message: "Give all seven dimension levels or none (missing: training)" }]);
    expect(rating({ level: "6", leadership: "x" }).errors.map((e) => e.column)).toEqual(["level", "leadership"]);
    expect(check(ratingsRowSchema, "ratings", { team_code: "CO-1", quarter: "2021-Q2", level: "2" }).value).toMatchObject({ level: 2, dimensions: null });
  });
});

describe("RowErrors", () => {
  it("keeps the first errors and counts them all", () => {
    const errors = new RowErrors();
    for (let row = 2; row < MAX_ERRORS_SHOWN + 52; row++) errors.add(row, "level", "Enter a level from 1 to 5");
    expect(errors.count).toBe(MAX_ERRORS_SHOWN + 50);
    expect(errors.sorted()).toHaveLength(MAX_ERRORS_SHOWN);
    expect(errors.has(3)).toBe(true);
  });
});

describe("the templates", () => {
  it.each(Object.entries(IMPORT_DEFINITIONS))("%s's example row passes its own schema", (kind, definition) => {
    const { errors } = check(definition.schema, kind as keyof typeof IMPORT_DEFINITIONS, Object.fromEntries(definition.columns.map((column, index) => [column, definition.example[index]!])));
    expect(errors).toEqual([]);
  });
});
