import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import * as accounts from "@/lib/services/accounts";
import * as criteria from "@/lib/services/criteria";
import * as cycles from "@/lib/services/cycles";
import * as measures from "@/lib/services/measures";
import * as organisation from "@/lib/services/organisation";
import * as people from "@/lib/services/people";
import * as projects from "@/lib/services/projects";
import * as ratings from "@/lib/services/ratings";
import * as roles from "@/lib/services/roles";
import * as roster from "@/lib/services/roster";
import * as savings from "@/lib/services/savings";
import * as sessions from "@/lib/services/sessions";
import * as spread from "@/lib/services/spread";
import * as accountSchemas from "@/lib/validation/accounts";
import * as criteriaSchemas from "@/lib/validation/criteria";
import * as cycleSchemas from "@/lib/validation/cycles";
import * as measureSchemas from "@/lib/validation/measures";
import * as organisationSchemas from "@/lib/validation/organisation";
import * as peopleSchemas from "@/lib/validation/people";
import * as practiceSchemas from "@/lib/validation/practices";
import * as projectSchemas from "@/lib/validation/projects";
import * as ratingSchemas from "@/lib/validation/ratings";
import * as roleSchemas from "@/lib/validation/roles";
import * as rosterSchemas from "@/lib/validation/roster";
import * as savingsSchemas from "@/lib/validation/savings";
import * as sessionSchemas from "@/lib/validation/sessions";
import { actorFor } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";

// Every server action's two steps as the action runtime (lib/actions/runtime.ts) runs them —
// its own schema, then its service with a seeded actor who holds the role the action is for —
// fed hostile input. Each input must be refused by the schema, refused by the service with a
// 4xx AppError, or accepted; anything else would reach the user as a 500. A refusal writes nothing.

const SEED = 20261201;
const BATCHES_PER_ACTION = 4;
const BATCH_SIZE = 54;

type Actor = "admin" | "staff" | "laborColead" | "consultant" | "unionSponsor" | "finance";
const ACTOR_EMAILS: Record<Actor, string> = {
  admin: "admin@example.org",
  staff: "staff@example.org",
  laborColead: "colead.labor@example.org",
  consultant: "consultant.colorado@example.org",
  unionSponsor: "sponsor.union@example.org",
  finance: "finance@example.org",
};

type FuzzedAction = { name: string; schema: z.ZodType; run: (actors: Record<Actor, CurrentUser>, input: never) => Promise<unknown> };

/** An action as lib/actions/* declares it: its schema and its service, run by `who`. */
function action<S extends z.ZodType>(name: string, schema: S, service: (actor: CurrentUser, input: z.output<S>) => Promise<unknown>, who: Actor): FuzzedAction {
  return { name, schema, run: (actors, input: z.output<S>) => service(actors[who], input) };
}

const ACTIONS: FuzzedAction[] = [
  action("inviteAccount", accountSchemas.accountActionSchema, accounts.inviteAccount, "admin"),
  action("issuePasswordReset", accountSchemas.accountActionSchema, accounts.issuePasswordReset, "admin"),
  action("deactivateAccount", accountSchemas.accountActionSchema, accounts.deactivateAccount, "admin"),
  action("reactivateAccount", accountSchemas.accountActionSchema, accounts.reactivateAccount, "admin"),
  // A public action: the emailed link is the credential, nobody is signed in.
  { name: "setPassword", schema: accountSchemas.setPasswordSchema, run: (_, input: z.output<typeof accountSchemas.setPasswordSchema>) => accounts.setPassword(input) },
  action("createDraftSet", criteriaSchemas.createDraftSetSchema, criteria.createDraftSet, "staff"),
  action("addCriterion", criteriaSchemas.addCriterionSchema, criteria.addCriterion, "staff"),
  action("updateCriterionText", criteriaSchemas.updateCriterionTextSchema, criteria.updateCriterionText, "staff"),
  action("removeCriterion", criteriaSchemas.removeCriterionSchema, criteria.removeCriterion, "staff"),
  action("renameDraft", criteriaSchemas.renameDraftSchema, criteria.renameDraft, "staff"),
  action("publishDraftSet", criteriaSchemas.draftSetSchema, criteria.publishDraftSet, "staff"),
  action("discardDraft", criteriaSchemas.draftSetSchema, criteria.discardDraft, "staff"),
  action("addCycle", cycleSchemas.addCycleSchema, cycles.addCycle, "laborColead"),
  action("updateCycle", cycleSchemas.updateCycleSchema, cycles.updateCycle, "laborColead"),
  action("addMeasure", measureSchemas.addMeasureSchema, measures.addMeasure, "laborColead"),
  action("updateMeasure", measureSchemas.updateMeasureSchema, measures.updateMeasure, "laborColead"),
  action("removeMeasure", measureSchemas.removeMeasureSchema, measures.removeMeasure, "laborColead"),
  action("addDataPoint", measureSchemas.addDataPointSchema, measures.addDataPoint, "laborColead"),
  action("removeDataPoint", measureSchemas.removeDataPointSchema, measures.removeDataPoint, "laborColead"),
  action("createFacility", organisationSchemas.createFacilitySchema, organisation.createFacility, "admin"),
  action("updateFacility", organisationSchemas.updateFacilitySchema, organisation.updateFacility, "admin"),
  action("retireFacility", organisationSchemas.facilityIdSchema, organisation.retireFacility, "admin"),
  action("reactivateFacility", organisationSchemas.facilityIdSchema, organisation.reactivateFacility, "admin"),
  action("createDepartment", organisationSchemas.createDepartmentSchema, organisation.createDepartment, "admin"),
  action("updateDepartment", organisationSchemas.updateDepartmentSchema, organisation.updateDepartment, "admin"),
  action("mergeDepartments", organisationSchemas.mergeDepartmentsSchema, organisation.mergeDepartments, "admin"),
  action("createTeam", organisationSchemas.createTeamSchema, organisation.createTeam, "admin"),
  action("updateTeam", organisationSchemas.updateTeamSchema, organisation.updateTeam, "admin"),
  action("moveTeam", organisationSchemas.moveTeamSchema, organisation.moveTeam, "admin"),
  action("retireTeam", organisationSchemas.teamIdSchema, organisation.retireTeam, "admin"),
  action("reactivateTeam", organisationSchemas.teamIdSchema, organisation.reactivateTeam, "admin"),
  action("createPerson", peopleSchemas.createPersonSchema, people.createPerson, "admin"),
  action("updatePerson", peopleSchemas.updatePersonSchema, people.updatePerson, "admin"),
  action("createProject", projectSchemas.createProjectSchema, projects.createProject, "laborColead"),
  action("updateProject", projectSchemas.updateProjectSchema, projects.updateProject, "laborColead"),
  action("changeProjectStatus", projectSchemas.changeProjectStatusSchema, projects.changeProjectStatus, "laborColead"),
  action("saveRating", ratingSchemas.saveRatingSchema, ratings.saveRating, "consultant"),
  action("signRating", ratingSchemas.signoffSchema, ratings.signRating, "unionSponsor"),
  action("reopenRating", ratingSchemas.reopenRatingSchema, ratings.reopenRating, "staff"),
  action("grantRole", roleSchemas.grantRoleSchema, roles.grantRole, "admin"),
  action("endRole", roleSchemas.endRoleSchema, roles.endRole, "admin"),
  action("handOverRole", roleSchemas.handOverRoleSchema, roles.handOverRole, "admin"),
  action("addRosterMember", rosterSchemas.addRosterMemberSchema, roster.addRosterMember, "laborColead"),
  action("setKeyRoles", rosterSchemas.setKeyRolesSchema, roster.setKeyRoles, "laborColead"),
  action("recordMemberLeft", rosterSchemas.recordMemberLeftSchema, roster.recordMemberLeft, "laborColead"),
  action("reportSavings", savingsSchemas.reportSavingsSchema, savings.reportSavings, "laborColead"),
  action("updateSavings", savingsSchemas.updateSavingsSchema, savings.updateSavings, "laborColead"),
  action("validateSavings", savingsSchemas.validateSavingsSchema, savings.validateSavings, "finance"),
  action("rejectSavings", savingsSchemas.rejectSavingsSchema, savings.rejectSavings, "finance"),
  action("signOutEverywhere", sessionSchemas.signOutEverywhereSchema, sessions.signOutEverywhere, "laborColead"),
  action("adoptPractice", practiceSchemas.adoptPracticeSchema, spread.adoptPractice, "laborColead"),
];

// ---- Hostile values ---------------------------------------------------------------------

const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "name\u0000with NUL",
  "'; DROP TABLE \"Team\"; --",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "\u202Eevil\u202C",
  "😀👩‍👩‍👧‍👦",
  "Zoë Ünïcödé 北京 مرحبا",
  "\uD800",
  "x".repeat(10_001),
  "é".repeat(100_000),
  "0",
  "-1",
  "1e308",
  "NaN",
  "Infinity",
  "12,345.67",
  "true",
  "null",
  "undefined",
  "__proto__",
  "constructor",
];
const HOSTILE_NUMBERS = [0, -0, -1, 1, 1.5, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 31];
const DAYS = ["0001-01-01", "9999-12-31", "2026-02-30", "2024-02-29", "2025-01-15", "2020-01-01", "2026-11-30", "2026-13-01", "15/01/2025", "2025-1-5"];
const QUARTERS = ["9999-Q4", "2021-Q5", "2021-Q0", "0001-Q1", "2024-Q1", "2021-Q2", "2025-Q3", "2025Q3", "Q1-2025"];
const NOT_UUIDS = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "123", "{00000000-0000-4000-8000-000000000000}"];

/** Any value a tampered form could send, JSON-shaped (server actions receive serialised input) or not. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...DAYS, ...QUARTERS, ...NOT_UUIDS),
  fc.uuid(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(null, undefined, true, false, [], {}, [""], { id: "x" }, new Date(Number.NaN)),
  fc.array(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 12)), { maxLength: 3 }),
);

type ZodNode = { def?: { type?: string; innerType?: ZodNode; in?: ZodNode; out?: ZodNode; element?: ZodNode; schema?: ZodNode; options?: ZodNode[] }; options?: unknown[]; shape?: Record<string, ZodNode> };

/** The object shape under a schema's refinements, pipes and wrappers (empty when there is none). */
function shapeOf(node: ZodNode | undefined): Record<string, ZodNode> {
  if (!node) return {};
  if (node.shape) return node.shape;
  const def = node.def ?? {};
  return shapeOf(def.innerType ?? def.in ?? def.schema ?? def.options?.[0]);
}

/** The choices of an enum field (also inside optional/array/pipe), so some inputs name a real one. */
function choicesOf(node: ZodNode | undefined): unknown[] {
  if (!node) return [];
  if (Array.isArray(node.options) && node.options.every((option) => typeof option !== "object")) return node.options;
  const def = node.def ?? {};
  return [def.innerType, def.in, def.out, def.element].flatMap((inner) => (inner && inner !== node ? choicesOf(inner) : []));
}

let realIds: string[] = [];
let realVersions: number[] = [];

/** A value for one field, leaning on its name for plausible ones (a real id, a day) among the hostile ones. */
function fieldValue(name: string, field: ZodNode): fc.Arbitrary<unknown> {
  const plausible: fc.Arbitrary<unknown>[] = [];
  const choices = choicesOf(field);
  if (choices.length > 0) plausible.push(fc.constantFrom(...choices), fc.subarray(choices as string[]));
  if (/id$/i.test(name) && realIds.length > 0) plausible.push(fc.constantFrom(...realIds), fc.uuid());
  if (/version/i.test(name)) plausible.push(fc.constantFrom(...realVersions, 1, 2));
  if (/(On|Date|date|At)$/.test(name)) plausible.push(fc.constantFrom(...DAYS));
  if (/quarter/i.test(name)) plausible.push(fc.constantFrom(...QUARTERS));
  plausible.push(fc.constantFrom("Fuzzed name", "A plausible text of some length.", "42", "1234.56", "fuzz@example.org", "E12345"));
  return fc.oneof(anyValue, ...plausible);
}

/** Valid-looking objects with the schema's fields (some missing), hostile values and an extra field now and then; sometimes not an object at all. */
function inputsFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const fields = Object.entries(shapeOf(schema as unknown as ZodNode));
  const record = fc.record(Object.fromEntries(fields.map(([name, field]) => [name, fieldValue(name, field)])), { requiredKeys: [] });
  const withExtra = fc.tuple(record, fc.constantFrom("__proto__", "role", "id", "createdAt", "actorId"), anyValue).map(([input, key, value]) => ({ ...input, [key]: value }));
  return fc.oneof({ arbitrary: record, weight: 6 }, { arbitrary: withExtra, weight: 2 }, { arbitrary: anyValue, weight: 1 });
}

// ---- What the database holds --------------------------------------------------------------

let digestQuery: string;

/**
 * Every table's row count and the sum of its rows' xmin (the transaction that wrote each row
 * version): any insert, update or delete changes one of them. An md5 of every row as in
 * tests/integration/services/admin-access.test.ts is the same check, but sorting the whole
 * seed after each of thousands of refusals is too slow.
 */
async function footprint(): Promise<string> {
  const [row] = await prisma.$queryRawUnsafe<Record<string, string | null>[]>(digestQuery);
  return JSON.stringify(row);
}

// ---- The properties ------------------------------------------------------------------------

const counts = { sent: 0, refusedBySchema: 0, refusedByService: 0, accepted: 0, unexpected: 0, batches: 0, batchesCheckedForWrites: 0 };
let actors: Record<Actor, CurrentUser>;
beforeAll(async () => {
  await resetToSeed();
  actors = Object.fromEntries(await Promise.all(Object.entries(ACTOR_EMAILS).map(async ([who, email]) => [who, await actorFor(email)]))) as Record<Actor, CurrentUser>;
  const tables = await prisma.$queryRaw<{ table_name: string; has_id: boolean; has_version: boolean }[]>`
    SELECT table_name,
           bool_or(column_name = 'id') AS has_id,
           bool_or(column_name = 'version') AS has_version
      FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
     GROUP BY table_name ORDER BY table_name`;
  digestQuery = `SELECT ${tables.map(({ table_name: table }) => `(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM "${table}") AS "${table}"`).join(", ")}`;
  // A few real ids of every table, so inputs reach the services' own checks rather than only "not found".
  const ids = await Promise.all(
    tables.filter((table) => table.has_id).map(({ table_name: table }) => prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM "${table}" LIMIT 4`)),
  );
  realIds = ids.flat().map(({ id }) => id);
  const versions = await Promise.all(
    tables.filter((table) => table.has_version).map(({ table_name: table }) => prisma.$queryRawUnsafe<{ version: number }[]>(`SELECT DISTINCT version::int AS version FROM "${table}" LIMIT 4`)),
  );
  realVersions = versions.flat().map(({ version }) => version);
});

afterAll(() => {
  console.log(`fuzzed actions (seed ${SEED}):`, counts);
});

type Outcome = "refusedBySchema" | "refusedByService" | "accepted";

/** The runtime's two steps for one input; a non-AppError or a non-4xx status fails the property. */
async function submit(fuzzed: FuzzedAction, raw: unknown): Promise<Outcome> {
  counts.sent += 1;
  const parsed = fuzzed.schema.safeParse(raw);
  if (!parsed.success) {
    expect(parsed.error.issues.length).toBeGreaterThan(0);
    counts.refusedBySchema += 1;
    return "refusedBySchema";
  }
  try {
    await fuzzed.run(actors, parsed.data as never);
  } catch (error) {
    if (!(error instanceof AppError) || error.status < 400 || error.status >= 500) {
      counts.unexpected += 1;
      throw error;
    }
    counts.refusedByService += 1;
    return "refusedByService";
  }
  counts.accepted += 1;
  return "accepted";
}

/**
 * A batch of inputs, with the footprint compared around it: a batch whose inputs were all
 * refused must leave every table as it was (one check per batch: a check per input is too slow).
 * A batch with an accepted input may write; its refusals are covered by the other batches.
 */
async function submitBatch(fuzzed: FuzzedAction, batch: unknown[]) {
  counts.batches += 1;
  const before = await footprint();
  const outcomes: Outcome[] = [];
  for (const raw of batch) outcomes.push(await submit(fuzzed, raw));
  if (outcomes.includes("accepted")) return;
  counts.batchesCheckedForWrites += 1;
  expect(await footprint(), `${fuzzed.name}: a batch of refused inputs wrote`).toBe(before);
}

describe("every action's schema and service, fed hostile input", () => {
  it.each(ACTIONS.map((fuzzed) => [fuzzed.name, fuzzed] as const))("%s: refuses with a field error or a 4xx, or accepts; never a 500", async (_, fuzzed) => {
    const before = counts.sent;
    await fc.assert(
      fc.asyncProperty(fc.array(inputsFor(fuzzed.schema), { minLength: BATCH_SIZE, maxLength: BATCH_SIZE }), (batch) => submitBatch(fuzzed, batch)),
      { seed: SEED, numRuns: BATCHES_PER_ACTION, endOnFailure: true },
    );
    expect(counts.sent - before).toBe(BATCHES_PER_ACTION * BATCH_SIZE);
  });

  it("sent at least 10,000 inputs, none of them ending in an unexpected error", () => {
    expect(counts.sent).toBeGreaterThanOrEqual(10_000);
    expect(counts.unexpected).toBe(0);
  });
});
