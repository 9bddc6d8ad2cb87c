import type { PersonActor } from "@/lib/auth/permissions";
import { beforeAll, describe, expect, it } from "vitest";
import { getCriteriaSetByVersion, getPublishedCriteriaSet, listCriteriaSets } from "@/lib/data/criteria";
import { prisma } from "@/lib/db";
import { DIMENSIONS } from "@/lib/domain/path-to-performance";
import { emptyCells } from "@/lib/domain/rating-level";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Dimension } from "@/lib/generated/prisma/enums";
import * as criteria from "@/lib/services/criteria";
import { createDraftSet } from "@/lib/services/criteria";
import { addCriterionSchema, draftSetSchema, removeCriterionSchema, renameDraftSchema, updateCriterionTextSchema } from "@/lib/validation/criteria";
import { actorFor, actorWithAssignment } from "@/tests/support/actors";
import { asSubmitted } from "@/tests/support/as-submitted";
import { resetToSeed } from "@/tests/support/database";

const NOT_STAFF = [
  "admin@example.org",
  "finance@example.org",
  "consultant.colorado@example.org",
  "sponsor.union@example.org",
  "colead.labor@example.org",
];
// As the criteria forms reach them: parsed by the action's schema first.
const addCriterion = asSubmitted(addCriterionSchema, criteria.addCriterion);
const updateCriterionText = asSubmitted(updateCriterionTextSchema, criteria.updateCriterionText);
const removeCriterion = asSubmitted(removeCriterionSchema, criteria.removeCriterion);
const renameDraft = asSubmitted(renameDraftSchema, criteria.renameDraft);
const publishDraftSet = asSubmitted(draftSetSchema, criteria.publishDraftSet);
const discardDraft = asSubmitted(draftSetSchema, criteria.discardDraft);

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const LEVEL_MESSAGE = "Level must be a whole number from 1 to 5";
const SPONSORS_NAMED = "Union and management sponsors are named for the team";
const SPONSORS_INTRODUCED = "Union and management sponsors are named and introduced to the team";
const SAFE_HANDLING = "Team members are trained in safe patient handling";

/** Everything a criteria change could write: the sets, their criteria and the audit log. */
async function snapshot() {
  const [sets, criteria, auditEntries] = await Promise.all([
    prisma.criteriaSet.findMany({ orderBy: { version: "asc" } }),
    prisma.criterion.findMany({ orderBy: { id: "asc" } }),
    prisma.auditEntry.count(),
  ]);
  return { sets, criteria, auditEntries };
}

type Refusal = {
  type: typeof ForbiddenError | typeof InvalidInputError | typeof NotFoundError | typeof ConflictError;
  message: string;
  /** For invalid input: the one field named, with this message. */
  field?: string;
};

/** The attempt fails with exactly this error and leaves every row as it was. */
async function expectRefusedWithoutWrites(attempt: () => Promise<unknown>, { type, message, field }: Refusal) {
  const before = await snapshot();
  const error = await attempt().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(type);
  expect((error as Error).message).toBe(message);
  if (field) expect((error as InvalidInputError).fieldErrors).toEqual({ [field]: [message] });
  expect(await snapshot()).toEqual(before);
}

function auditTrail(entityId: string) {
  return prisma.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" } });
}

function cellOf(setId: string, dimension: Dimension, level: number) {
  return prisma.criterion.findMany({ where: { setId, dimension, level }, orderBy: { position: "asc" } });
}

describe("criteria sets", () => {
  let staff: PersonActor;
  let published: Awaited<ReturnType<typeof getPublishedCriteriaSet>>;
  let draft: { id: string; version: number };

  beforeAll(async () => {
    await resetToSeed();
    staff = await actorFor("staff@example.org");
    published = await getPublishedCriteriaSet();
  });

  describe("reading", () => {
    it("gives the seeded version 1 with every cell filled, in the order of DIMENSIONS, then level and position", async () => {
      expect(published).toMatchObject({ version: 1, status: "PUBLISHED" });
      expect(published.criteria).toHaveLength(66);
      expect(emptyCells(published.criteria)).toEqual([]);
      const dimensionIndex = (dimension: string) => DIMENSIONS.findIndex(({ key }) => key === dimension);
      const order = published.criteria.map(({ dimension, level, position }) => [dimensionIndex(dimension), level, position]);
      expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!));
      expect(published.criteria[0]).toMatchObject({ dimension: "SPONSORSHIP", level: 1, text: SPONSORS_NAMED });
    });

    it("finds a set by version, and nothing for versions that do not exist", async () => {
      expect((await getCriteriaSetByVersion(1))?.id).toBe(published.id);
      for (const version of [0, 2, -1, 1.5, Number.NaN, 2 ** 40]) expect(await getCriteriaSetByVersion(version), String(version)).toBeNull();
    });
  });

  describe("who may change criteria", () => {
    it("refuses a draft to every role but national LMP staff, writing nothing", async () => {
      for (const email of NOT_STAFF) {
        const actor = await actorFor(email);
        await expectRefusedWithoutWrites(() => createDraftSet(actor), { type: ForbiddenError, message: "Only national LMP staff can edit the Path to Performance criteria." });
      }
    });

    it("refuses a regional LMP staff grant: the criteria are national", async () => {
      const regionalStaff = await actorWithAssignment({ role: "LMP_STAFF", regionId: { not: null } });
      expect(regionalStaff.grants.every((grant) => grant.regionId !== null)).toBe(true);
      await expectRefusedWithoutWrites(() => createDraftSet(regionalStaff), { type: ForbiddenError, message: "Only national LMP staff can edit the Path to Performance criteria." });
    });
  });

  describe("a draft's lifecycle", () => {
    it("opens version 2 as a draft holding a copy of the published criteria", async () => {
      draft = await createDraftSet(staff);
      expect(draft.version).toBe(2);
      const opened = await getCriteriaSetByVersion(2);
      expect(opened).toMatchObject({ name: "Path to Performance — draft v2", status: "DRAFT", publishedAt: null });
      const cells = (set: typeof published) => set.criteria.map(({ dimension, level, position, text }) => ({ dimension, level, position, text }));
      expect(cells(opened!)).toEqual(cells(published));
      expect(opened!.criteria.map((criterion) => criterion.id)).not.toContain(published.criteria[0]!.id);

      const [entry] = await auditTrail(draft.id);
      expect(entry).toMatchObject({
        action: "criteria.draftCreated",
        entityType: "CriteriaSet",
        actorId: staff.personId,
        after: { version: 2, copiedFromVersion: 1, criteriaCount: 66 },
      });
    });

    it("refuses a second draft while one is open", async () => {
      await expectRefusedWithoutWrites(() => createDraftSet(staff), {
        type: ConflictError,
        message: "A draft (version 2) is already open; edit or publish it first",
      });
    });

    it("refuses every role but LMP staff any change to the draft, writing nothing", async () => {
      const [criterion] = await cellOf(draft.id, "SPONSORSHIP", 1);
      const forbidden = { type: ForbiddenError, message: "Only national LMP staff can edit the Path to Performance criteria." };
      for (const email of NOT_STAFF) {
        const actor = await actorFor(email);
        const addition = { setId: draft.id, dimension: "TRAINING", level: 1, text: "Sneaked in" };
        await expectRefusedWithoutWrites(() => addCriterion(actor, addition), forbidden);
        await expectRefusedWithoutWrites(() => updateCriterionText(actor, { criterionId: criterion!.id, text: "Changed" }), forbidden);
        await expectRefusedWithoutWrites(() => removeCriterion(actor, { criterionId: criterion!.id }), forbidden);
        await expectRefusedWithoutWrites(() => renameDraft(actor, { setId: draft.id, name: "Renamed" }), forbidden);
        await expectRefusedWithoutWrites(() => publishDraftSet(actor, { setId: draft.id }), {
          type: ForbiddenError,
          message: "Only national LMP staff can publish a version of the criteria.",
        });
        await expectRefusedWithoutWrites(() => discardDraft(actor, { setId: draft.id }), forbidden);
      }
    });

    it("adds a criterion at the end of its cell, taking the level as a form sends it", async () => {
      const added = await addCriterion(staff, { setId: draft.id, dimension: "TRAINING", level: "3", text: `  ${SAFE_HANDLING} ` });
      expect(added).toMatchObject({ dimension: "TRAINING", level: 3, position: 3, text: SAFE_HANDLING });
      expect((await cellOf(draft.id, "TRAINING", 3)).map((criterion) => criterion.position)).toEqual([1, 2, 3]);
      expect(await auditTrail(added.id)).toMatchObject([
        { action: "criteria.added", entityType: "Criterion", actorId: staff.personId, before: null, after: { version: 2, text: added.text } },
      ]);
    });

    it("gives criteria added at the same moment distinct positions", async () => {
      const additions = ["First", "Second", "Third"].map((text) => addCriterion(staff, { setId: draft.id, dimension: "LEADERSHIP", level: 5, text }));
      const added = await Promise.all(additions);
      expect(added.map((criterion) => criterion.position).sort((a, b) => a - b)).toEqual([3, 4, 5]);
      for (const criterion of added) await removeCriterion(staff, { criterionId: criterion.id });
    });

    it("updates a criterion's text, auditing before and after", async () => {
      const [criterion] = await cellOf(draft.id, "SPONSORSHIP", 1);
      const updated = await updateCriterionText(staff, { criterionId: criterion!.id, text: SPONSORS_INTRODUCED });
      expect(updated.text).toBe(SPONSORS_INTRODUCED);
      expect(await auditTrail(criterion!.id)).toMatchObject([
        { action: "criteria.updated", before: { text: SPONSORS_NAMED }, after: { text: SPONSORS_INTRODUCED } },
      ]);
    });

    it("writes nothing when the text is unchanged", async () => {
      const [criterion] = await cellOf(draft.id, "SPONSORSHIP", 1);
      const before = await snapshot();
      await updateCriterionText(staff, { criterionId: criterion!.id, text: ` ${criterion!.text} ` });
      expect(await snapshot()).toEqual(before);
    });

    it("removes a criterion, auditing what it said", async () => {
      const [, second] = await cellOf(draft.id, "TEAM_PROCESS", 2);
      await removeCriterion(staff, { criterionId: second!.id });
      expect(await prisma.criterion.findUnique({ where: { id: second!.id } })).toBeNull();
      expect(await auditTrail(second!.id)).toMatchObject([
        { action: "criteria.removed", before: { text: "Decisions are made by consensus" }, after: null },
      ]);
    });

    it("renames the draft", async () => {
      await renameDraft(staff, { setId: draft.id, name: " Path to Performance — 2025 national agreement " });
      expect((await getCriteriaSetByVersion(2))?.name).toBe("Path to Performance — 2025 national agreement");
      expect((await auditTrail(draft.id)).at(-1)).toMatchObject({ action: "criteria.renamed", before: { name: "Path to Performance — draft v2" } });
    });
  });

  describe("refusals that write nothing", () => {
    const addition = (overrides: Record<string, unknown>) => () =>
      addCriterion(staff, { setId: draft.id, dimension: "TRAINING", level: 1, text: "A criterion", ...overrides });
    const firstOf = async (version: number) => (await getCriteriaSetByVersion(version))!.criteria[0]!;

    it.each([
      ["level 0", { level: 0 }, "level", LEVEL_MESSAGE],
      ["level 6", { level: 6 }, "level", LEVEL_MESSAGE],
      ["level 2.5", { level: 2.5 }, "level", LEVEL_MESSAGE],
      ['level "abc"', { level: "abc" }, "level", LEVEL_MESSAGE],
      ["an unknown dimension", { dimension: "TEAMWORK" }, "dimension", "Choose one of the seven dimensions"],
      ["blank text", { text: "   " }, "text", "Write the criterion"],
      ["501 characters", { text: "x".repeat(501) }, "text", "Keep a criterion under 500 characters"],
      ["a set id that is not a UUID", { setId: "version-2" }, "setId", "Unknown criteria set"],
    ])("refuses an addition with %s", async (_case, overrides, field, message) => {
      await expectRefusedWithoutWrites(addition(overrides), { type: InvalidInputError, message, field });
    });

    it("refuses blank, overlong and misaddressed edits", async () => {
      const criterion = await firstOf(2);
      await expectRefusedWithoutWrites(() => updateCriterionText(staff, { criterionId: criterion.id, text: "" }), {
        type: InvalidInputError,
        message: "Write the criterion",
        field: "text",
      });
      await expectRefusedWithoutWrites(() => updateCriterionText(staff, { criterionId: criterion.id, text: "x".repeat(501) }), {
        type: InvalidInputError,
        message: "Keep a criterion under 500 characters",
        field: "text",
      });
      await expectRefusedWithoutWrites(() => removeCriterion(staff, { criterionId: "42" }), {
        type: InvalidInputError,
        message: "Unknown criterion",
        field: "criterionId",
      });
    });

    it("refuses criteria and sets that do not exist", async () => {
      const unknownCriterion = { type: NotFoundError, message: "Unknown criterion: it does not exist or was removed." };
      await expectRefusedWithoutWrites(() => updateCriterionText(staff, { criterionId: UNKNOWN_ID, text: "Changed" }), unknownCriterion);
      await expectRefusedWithoutWrites(() => removeCriterion(staff, { criterionId: UNKNOWN_ID }), unknownCriterion);
      const unknownSet = { type: NotFoundError, message: "Unknown criteria set: it does not exist or was discarded." };
      await expectRefusedWithoutWrites(addition({ setId: UNKNOWN_ID }), unknownSet);
      await expectRefusedWithoutWrites(() => publishDraftSet(staff, { setId: UNKNOWN_ID }), unknownSet);
    });

    it("refuses any change to the published set", async () => {
      const criterion = await firstOf(1);
      const immutable = { type: ConflictError, message: "Version 1 is published; start a new draft to change criteria" };
      await expectRefusedWithoutWrites(addition({ setId: published.id }), immutable);
      await expectRefusedWithoutWrites(() => updateCriterionText(staff, { criterionId: criterion.id, text: "Changed" }), immutable);
      await expectRefusedWithoutWrites(() => removeCriterion(staff, { criterionId: criterion.id }), immutable);
      await expectRefusedWithoutWrites(() => renameDraft(staff, { setId: published.id, name: "Renamed" }), immutable);
      await expectRefusedWithoutWrites(() => publishDraftSet(staff, { setId: published.id }), immutable);
      await expectRefusedWithoutWrites(() => discardDraft(staff, { setId: published.id }), immutable);
    });

    it("refuses to publish while a cell is empty, naming every empty cell", async () => {
      const emptied = [...(await cellOf(draft.id, "TRAINING", 3)), ...(await cellOf(draft.id, "USE_OF_TOOLS", 5))];
      for (const criterion of emptied) await removeCriterion(staff, { criterionId: criterion.id });

      await expectRefusedWithoutWrites(() => publishDraftSet(staff, { setId: draft.id }), {
        type: ConflictError,
        message: "Every cell needs at least one criterion before version 2 can be published. Empty: Training, level 3; Use of tools, level 5",
      });

      for (const { dimension, level, text } of emptied) await addCriterion(staff, { setId: draft.id, dimension, level, text });
    });
  });

  describe("publishing", () => {
    it("publishes the draft with its edits and retires the version it replaces, audited", async () => {
      expect(await publishDraftSet(staff, { setId: draft.id })).toEqual({ version: 2, replacedVersion: 1 });

      const now = await getPublishedCriteriaSet();
      expect(now).toMatchObject({ id: draft.id, version: 2, status: "PUBLISHED", name: "Path to Performance — 2025 national agreement" });
      expect(now.publishedAt).toBeInstanceOf(Date);
      expect((await prisma.criteriaSet.findUniqueOrThrow({ where: { id: draft.id } })).publishedById).toBe(staff.personId);
      expect(now.criteria.map((criterion) => criterion.text)).toEqual(
        expect.arrayContaining([SPONSORS_INTRODUCED, SAFE_HANDLING]),
      );
      expect(now.criteria.map((criterion) => criterion.text)).not.toContain("Decisions are made by consensus");
      expect(emptyCells(now.criteria)).toEqual([]);

      expect(await getCriteriaSetByVersion(1)).toMatchObject({ status: "RETIRED", criteria: published.criteria });
      expect(await prisma.criteriaSet.count({ where: { status: "PUBLISHED" } })).toBe(1);
      expect((await auditTrail(draft.id)).at(-1)).toMatchObject({
        action: "criteria.published",
        before: { status: "DRAFT" },
        after: { status: "PUBLISHED", replacesVersion: 1 },
      });
      expect((await auditTrail(published.id)).at(-1)).toMatchObject({
        action: "criteria.retired",
        after: { status: "RETIRED", replacedByVersion: 2 },
      });
    });

    it("keeps both the new and the retired version immutable", async () => {
      await expectRefusedWithoutWrites(() => updateCriterionText(staff, { criterionId: published.criteria[0]!.id, text: "Changed" }), {
        type: ConflictError,
        message: "Version 1 is retired; start a new draft to change criteria",
      });
      await expectRefusedWithoutWrites(() => publishDraftSet(staff, { setId: draft.id }), {
        type: ConflictError,
        message: "Version 2 is published; start a new draft to change criteria",
      });
    });

    it("lists every version newest first with its criteria count", async () => {
      const sets = await listCriteriaSets();
      expect(sets.map(({ version, status, criteriaCount }) => ({ version, status, criteriaCount }))).toEqual([
        { version: 2, status: "PUBLISHED", criteriaCount: 66 },
        { version: 1, status: "RETIRED", criteriaCount: 66 },
      ]);
    });
  });

  describe("discarding a draft", () => {
    it("lets only one of several drafts started at the same moment open", async () => {
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => createDraftSet(staff)));
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      for (const outcome of outcomes.filter((outcome) => outcome.status === "rejected")) {
        expect(outcome.reason).toBeInstanceOf(ConflictError);
      }
      expect(await prisma.criteriaSet.count({ where: { status: "DRAFT" } })).toBe(1);
    });

    it("removes the draft and its criteria, leaving an audit entry", async () => {
      const open = await prisma.criteriaSet.findFirstOrThrow({ where: { status: "DRAFT" } });
      await discardDraft(staff, { setId: open.id });
      expect(await prisma.criteriaSet.findUnique({ where: { id: open.id } })).toBeNull();
      expect(await prisma.criterion.count({ where: { setId: open.id } })).toBe(0);
      expect(await auditTrail(open.id)).toMatchObject([
        { action: "criteria.draftCreated" },
        { action: "criteria.draftDiscarded", before: { version: open.version, criteriaCount: 66 }, after: null },
      ]);
      expect((await listCriteriaSets()).map((set) => set.version)).toEqual([2, 1]);
    });
  });
});
