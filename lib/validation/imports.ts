import { z } from "zod";
import { quarterSchema, compareQuarters } from "@/lib/domain/quarter";
import { DIMENSIONS } from "@/lib/domain/path-to-performance";
import { ROLE_LABELS, ROLE_SCOPES } from "@/lib/domain/roles";
import { DepartmentType, KeyTeamRole, RoleKind, type Dimension } from "@/lib/generated/prisma/enums";
import { dayStringSchema, optionalDaySchema, toDayString } from "@/lib/validation/dates";
import { charteredQuarterSchema, departmentNameSchema, facilityNameSchema, teamCodeSchema, teamNameSchema } from "@/lib/validation/organisation";
import { displayNameSchema, optionalEmailSchema, optionalEmployeeIdSchema } from "@/lib/validation/people";
import { DEPARTMENT_TYPE_LABELS } from "@/lib/validation/practices";

// The bulk import's files, one CSV per kind of record: their columns, the rules of one
// row, the templates, and what the route streams back. Shared by the import service, the
// exports (which write exactly these columns) and the import page.

export const IMPORT_KINDS = ["organisation", "people", "roles", "rosters", "ratings"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const importKindSchema = z.enum(IMPORT_KINDS, { error: "Choose what to import: organisation, people, roles, rosters or ratings" });
export const importModeSchema = z.enum(["preview", "import"], { error: "Choose to preview or to import" });
export type ImportMode = z.output<typeof importModeSchema>;

/** Large enough for 150,000 people or 40,000 teams with room to spare; a file over it is refused before it is read whole. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
export const MAX_IMPORT_SIZE_LABEL = "30 MB";
/** Errors listed in full; the rest are counted, so a large wrong file still answers quickly. */
export const MAX_ERRORS_SHOWN = 200;

/** The dimension columns of the ratings file: the Dimension values in lower case. */
export const DIMENSION_COLUMNS = DIMENSIONS.map(({ key }) => key.toLowerCase()) as readonly string[];

const blank = (value: unknown) => typeof value === "string" && value.trim() === "";
const blankAsMissing = (value: unknown) => (blank(value) ? undefined : value);

/** Free text naming a record that must exist (a region, a person): the lookup says whether it does. */
const reference = (message: string) => z.string({ error: message }).trim().min(1, message).max(254, "Keep this to 254 characters");
const optionalReference = z.preprocess(blankAsMissing, z.string().trim().max(254, "Keep this to 254 characters").optional());
const optionalQuarterSchema = z.preprocess(blankAsMissing, quarterSchema.optional());
const optionalTeamCodeSchema = z.preprocess(blankAsMissing, teamCodeSchema.optional());

/** An enum value in any case, or its label ("PHARMACY", "pharmacy", "Pharmacy"); anything else fails with `message`. */
function enumCell<V extends string>(values: Record<string, V>, labels: Record<V, string>, message: (value: string) => string) {
  const byText = new Map<string, V>();
  for (const value of Object.values(values)) {
    byText.set(value.toLowerCase(), value);
    byText.set(labels[value].toLowerCase(), value);
  }
  return z.string().transform((text, context) => {
    const found = byText.get(text.trim().toLowerCase().replace(/\s+/g, " "));
    if (found) return found;
    context.addIssue({ code: "custom", message: text.trim() === "" ? message("").trim() : message(text.trim()) });
    return z.NEVER;
  });
}

const departmentTypeCell = enumCell(DepartmentType, DEPARTMENT_TYPE_LABELS, (text) =>
  text ? `"${text}" is not a kind of department: use one such as PHARMACY or PRIMARY_CARE` : "Enter the kind of department, such as PHARMACY",
);
const roleCell = enumCell(RoleKind, ROLE_LABELS, (text) =>
  text ? `"${text}" is not a role: use one such as LABOR_COLEAD, UNION_SPONSOR or CONSULTANT` : "Enter the role, such as LABOR_COLEAD",
);

const KEY_ROLE_WORDS = Object.values(KeyTeamRole).map((role) => role.toLowerCase());

/** "facilitator;Recorder" → the key roles, each once, in their usual order; blank is none. */
const keyRolesCell = z.string().transform((text, context) => {
  const roles = new Set<KeyTeamRole>();
  for (const part of text.split(";").map((word) => word.trim()).filter(Boolean)) {
    const role = part.toUpperCase().replace(/[\s-]+/g, "_");
    if (!(role in KeyTeamRole)) {
      context.addIssue({ code: "custom", message: `"${part}" is not a key team role: use ${KEY_ROLE_WORDS.join(", ")} (separated by semicolons)` });
      return z.NEVER;
    }
    roles.add(role as KeyTeamRole);
  }
  return Object.values(KeyTeamRole).filter((role) => roles.has(role));
});

const yesNoCell = z.string().transform((text, context) => {
  const word = text.trim().toLowerCase();
  if (word === "yes") return true;
  if (word === "no" || word === "") return false;
  context.addIssue({ code: "custom", message: "Enter yes or no" });
  return z.NEVER;
});

const levelCell = z
  .string()
  .trim()
  .regex(/^[1-5]$/, "Enter a level from 1 to 5")
  .transform(Number);
const optionalLevelCell = z.preprocess(blankAsMissing, levelCell.optional());

/** Blank means none (the team is active): the export writes blank for an active team, so a round trip changes nothing. */
export const organisationRowSchema = z
  .object({
    region: reference("Enter the region (its slug or name)"),
    facility: facilityNameSchema,
    department: departmentNameSchema,
    department_type: departmentTypeCell,
    team_code: teamCodeSchema,
    team_name: teamNameSchema,
    union_local: optionalReference,
    chartered_quarter: charteredQuarterSchema,
    retired_quarter: optionalQuarterSchema,
  })
  .superRefine((row, context) => {
    if (row.retired_quarter && compareQuarters(row.retired_quarter, row.chartered_quarter) <= 0) {
      context.addIssue({ code: "custom", path: ["retired_quarter"], message: `A team retires after the quarter it was chartered in (${row.chartered_quarter})` });
    }
  });

export const peopleRowSchema = z
  .object({
    display_name: displayNameSchema,
    email: optionalEmailSchema,
    employee_id: optionalEmployeeIdSchema,
    union_local: optionalReference,
    account: yesNoCell,
  })
  .superRefine((row, context) => {
    if (!row.email && !row.employee_id) context.addIssue({ code: "custom", path: ["employee_id"], message: "Enter an employee id or an email (or both)" });
    if (row.account && !row.email) context.addIssue({ code: "custom", path: ["account"], message: "A sign-in account needs an email address" });
  });

/** A person in another file's row: an email (it has an @) or an employee id. */
export type PersonReference = { email: string } | { employeeId: string };

export const personReferenceSchema = reference("Enter the person's email or employee id").transform(
  (text): PersonReference => (text.includes("@") ? { email: text.toLowerCase() } : { employeeId: text }),
);

export const rolesRowSchema = z
  .object({
    person: personReferenceSchema,
    role: roleCell,
    team_code: optionalTeamCodeSchema,
    region: optionalReference,
    start_date: dayStringSchema,
    end_date: optionalDaySchema,
  })
  .superRefine((row, context) => {
    const scopes = ROLE_SCOPES[row.role];
    const label = ROLE_LABELS[row.role];
    if (scopes.includes("team") && !row.team_code) context.addIssue({ code: "custom", path: ["team_code"], message: `${label} is a role on a team: enter the team's code` });
    if (!scopes.includes("team") && row.team_code) context.addIssue({ code: "custom", path: ["team_code"], message: `${label} is not a role on a team: leave team_code blank` });
    if (!scopes.includes("team") && !scopes.includes("national") && !row.region) {
      context.addIssue({ code: "custom", path: ["region"], message: `${label} is a role in a region: enter the region` });
    }
    if (row.end_date && row.end_date < row.start_date) context.addIssue({ code: "custom", path: ["end_date"], message: "The end date is before the start date" });
  });

export const rostersRowSchema = z
  .object({
    team_code: teamCodeSchema,
    person: personReferenceSchema,
    joined_on: dayStringSchema,
    left_on: optionalDaySchema,
    key_roles: keyRolesCell,
  })
  .superRefine((row, context) => {
    if (row.left_on && row.left_on < row.joined_on) context.addIssue({ code: "custom", path: ["left_on"], message: "The day they left is before the day they joined" });
  });

const dimensionCells = Object.fromEntries(DIMENSION_COLUMNS.map((column) => [column, optionalLevelCell])) as Record<string, typeof optionalLevelCell>;

export const ratingsRowSchema = z
  .object({ team_code: teamCodeSchema, quarter: quarterSchema, level: levelCell, ...dimensionCells })
  .transform((parsed, context) => {
    const row = parsed as typeof parsed & Record<string, number | undefined>;
    const given = DIMENSIONS.filter(({ key }) => row[key.toLowerCase()] !== undefined);
    let dimensions: Record<Dimension, number> | null = null;
    if (given.length > 0 && given.length < DIMENSIONS.length) {
      const missing = DIMENSIONS.filter(({ key }) => row[key.toLowerCase()] === undefined);
      context.addIssue({
        code: "custom",
        path: [missing[0]!.key.toLowerCase()],
        message: `Give all seven dimension levels or none (missing: ${missing.map(({ key }) => key.toLowerCase()).join(", ")})`,
      });
      return z.NEVER;
    }
    if (given.length === DIMENSIONS.length) {
      dimensions = Object.fromEntries(DIMENSIONS.map(({ key }) => [key, row[key.toLowerCase()] as number])) as Record<Dimension, number>;
      const lowest = Math.min(...Object.values(dimensions));
      if (row.level !== lowest) {
        context.addIssue({ code: "custom", path: ["level"], message: `The level must be the lowest dimension level, ${lowest} (the Path to Performance rule)` });
        return z.NEVER;
      }
    }
    return { team_code: row.team_code as string, quarter: row.quarter, level: row.level, dimensions };
  });

export type OrganisationRow = z.output<typeof organisationRowSchema>;
export type PeopleRow = z.output<typeof peopleRowSchema>;
export type RolesRow = z.output<typeof rolesRowSchema>;
export type RostersRow = z.output<typeof rostersRowSchema>;
export type RatingsRow = z.output<typeof ratingsRowSchema>;

type KindDefinition = {
  label: string;
  /** What the file holds and what it is keyed on, for the page. */
  description: string;
  columns: readonly string[];
  /** Columns a file may leave out altogether (the ratings' dimension levels); every other column must be there. */
  optionalColumns: readonly string[];
  example: readonly string[];
  schema: z.ZodType;
  /** The records counted in the preview and the summary, by the name the tally uses. */
  records: readonly { key: string; label: string }[];
};

export const IMPORT_DEFINITIONS: Record<ImportKind, KindDefinition> = {
  organisation: {
    label: "Organisation",
    description:
      "Teams with their region, facility and department: facilities and departments are created by name as needed, teams are matched on their code. Blank retired_quarter means active.",
    columns: ["region", "facility", "department", "department_type", "team_code", "team_name", "union_local", "chartered_quarter", "retired_quarter"],
    optionalColumns: [],
    example: ["colorado", "Franklin Medical Offices", "Pharmacy", "PHARMACY", "CO-9001", "Outpatient pharmacy — Franklin", "", "2021-Q2", ""],
    schema: organisationRowSchema,
    records: [
      { key: "facilities", label: "Facilities" },
      { key: "departments", label: "Departments" },
      { key: "teams", label: "Teams" },
    ],
  },
  people: {
    label: "People",
    description:
      'People, matched on their employee id, else their email. account "yes" creates a sign-in account without a password (single sign-on, or an invitation an administrator sends later); an import never removes an account.',
    columns: ["display_name", "email", "employee_id", "union_local", "account"],
    optionalColumns: [],
    example: ["Jordan Rivera", "jordan.rivera@example.org", "E9000001", "", "yes"],
    schema: peopleRowSchema,
    records: [
      { key: "people", label: "People" },
      { key: "accounts", label: "Sign-in accounts" },
    ],
  },
  roles: {
    label: "Roles",
    description:
      "Who holds which role where: team roles (co-leads, sponsors) name a team_code, regional roles a region, national roles neither. Matched on person, role, place and start_date; a blank end_date means current.",
    columns: ["person", "role", "team_code", "region", "start_date", "end_date"],
    optionalColumns: [],
    example: ["E9000001", "LABOR_COLEAD", "CO-9001", "", "2024-01-08", ""],
    schema: rolesRowSchema,
    records: [{ key: "roles", label: "Role assignments" }],
  },
  rosters: {
    label: "Rosters",
    description:
      "Team members from the day they joined to the day they left, with their key roles (facilitator;recorder;health_and_safety_champion). Matched on team, person and joined_on.",
    columns: ["team_code", "person", "joined_on", "left_on", "key_roles"],
    optionalColumns: [],
    example: ["CO-9001", "jordan.rivera@example.org", "2024-01-08", "", "facilitator;health_and_safety_champion"],
    schema: rostersRowSchema,
    records: [{ key: "members", label: "Roster places" }],
  },
  ratings: {
    label: "Historical ratings",
    description:
      "Final quarterly ratings of past quarters, with all seven dimension levels or none (the level is then the lowest of them). Matched on team and quarter; a rating signed in the app is never overwritten.",
    columns: ["team_code", "quarter", "level", ...DIMENSION_COLUMNS],
    optionalColumns: DIMENSION_COLUMNS,
    example: ["CO-9001", "2024-Q2", "3", "3", "4", "3", "4", "3", "5", "4"],
    schema: ratingsRowSchema,
    records: [{ key: "ratings", label: "Ratings" }],
  },
};

/** The template's file name: what the page offers to download and what error messages point to. */
export function templateFileName(kind: ImportKind): string {
  return `${kind}-template.csv`;
}

export function exportFileName(kind: ImportKind, now: Date = new Date()): string {
  return `${kind}-${toDayString(now)}.csv`;
}

// ───────────────────────────── what the route streams back ─────────────────────────────

export type ImportStage = "parsing" | "validating" | "writing";

/** A problem with one row, or with one of its cells (`column` null: the row as a whole). */
export type RowError = { row: number; column: string | null; message: string };

export type Tally = { created: number; updated: number; unchanged: number };

export type ImportResult = {
  kind: ImportKind;
  mode: ImportMode;
  /** Data rows in the file (the header not counted). */
  rows: number;
  /** Per record kind (IMPORT_DEFINITIONS[kind].records), what the file creates, updates or leaves as it is. */
  tallies: Record<string, Tally>;
  /** The first MAX_ERRORS_SHOWN problems, in row order; `errorCount` counts them all. */
  errors: RowError[];
  errorCount: number;
  /** True once an import has committed; false for a preview, and for an import refused for its errors (nothing written). */
  written: boolean;
};

/** One line of the route's NDJSON stream. */
export type ImportEvent =
  | { type: "progress"; stage: ImportStage; done: number; total: number }
  | { type: "result"; result: ImportResult }
  | { type: "failed"; message: string };
