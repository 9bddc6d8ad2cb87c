import "server-only";
import { recordAudit } from "@/lib/audit";
import type { AuditAction } from "@/lib/domain/audit-actions";
import { assertCan, can, type Actor, type PersonActor, type Target } from "@/lib/auth/permissions";
import { cellLabel } from "@/lib/domain/path-to-performance";
import { prisma } from "@/lib/db";
import { emptyCells } from "@/lib/domain/rating-level";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CriteriaSetStatus, Dimension } from "@/lib/generated/prisma/enums";
import type { AddCriterionInput, DraftSetInput, RemoveCriterionInput, RenameDraftInput, UpdateCriterionTextInput } from "@/lib/validation/criteria";

// Criteria are one national standard: only a national LMP staff grant reaches them,
// never a regional one.
const CRITERIA: Target = { kind: "national" };

export function criteriaPermissions(actor: Actor): { edit: boolean; publish: boolean } {
  return { edit: can(actor, "criteria.edit", CRITERIA), publish: can(actor, "criteria.publish", CRITERIA) };
}

type Tx = Prisma.TransactionClient;
type CriterionRecord = { id: string; setId: string; dimension: Dimension; level: number; position: number; text: string };
type DraftSet = { id: string; version: number; name: string };
/** A criterion as changed, with the version of the set it belongs to (whose page shows it). */
export type CriterionChange = CriterionRecord & { setVersion: number };

/** Opens the next version as a draft, starting from the published set's criteria. */
export async function createDraftSet(actor: PersonActor): Promise<{ id: string; version: number }> {
  assertCan(actor, "criteria.edit", CRITERIA);
  return prisma.$transaction(async (tx) => {
    // No row exists yet to lock, so drafts take turns on an advisory lock: under
    // READ COMMITTED, two drafts started at once would otherwise both see none open.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('criteria.draft'))`;
    const openDraft = await tx.criteriaSet.findFirst({ where: { status: "DRAFT" }, select: { version: true } });
    if (openDraft) throw new ConflictError(`A draft (version ${openDraft.version}) is already open; edit or publish it first`);

    const published = await tx.criteriaSet.findFirst({
      where: { status: "PUBLISHED" },
      select: { version: true, criteria: { select: { dimension: true, level: true, position: true, text: true } } },
    });
    const latest = await tx.criteriaSet.aggregate({ _max: { version: true } });
    const version = (latest._max.version ?? 0) + 1;
    const criteria = published?.criteria ?? [];
    const draft = await tx.criteriaSet.create({
      data: { version, name: `Path to Performance — draft v${version}`, status: "DRAFT", criteria: { createMany: { data: criteria } } },
      select: { id: true, name: true },
    });
    await auditSet(tx, actor, "criteria.draftCreated", draft.id, null, {
      version,
      name: draft.name,
      copiedFromVersion: published?.version ?? null,
      criteriaCount: criteria.length,
    });
    return { id: draft.id, version };
  });
}

/** Adds a criterion at the end of its cell (dimension × level). */
export async function addCriterion(actor: PersonActor, { setId, dimension, level, text }: AddCriterionInput): Promise<CriterionChange> {
  assertCan(actor, "criteria.edit", CRITERIA);
  return prisma.$transaction(async (tx) => {
    const set = await lockDraftSet(tx, setId);
    const last = await tx.criterion.aggregate({ where: { setId, dimension, level }, _max: { position: true } });
    const criterion = await tx.criterion.create({
      data: { setId, dimension, level, position: (last._max.position ?? 0) + 1, text },
    });
    await auditCriterion(tx, actor, "criteria.added", set, null, criterion);
    return { ...criterion, setVersion: set.version };
  });
}

export async function updateCriterionText(actor: PersonActor, { criterionId, text }: UpdateCriterionTextInput): Promise<CriterionChange> {
  assertCan(actor, "criteria.edit", CRITERIA);
  return prisma.$transaction(async (tx) => {
    const { criterion, set } = await lockDraftCriterion(tx, criterionId);
    if (criterion.text === text) return { ...criterion, setVersion: set.version };
    const updated = await tx.criterion.update({ where: { id: criterionId }, data: { text } });
    await auditCriterion(tx, actor, "criteria.updated", set, criterion, updated);
    return { ...updated, setVersion: set.version };
  });
}

/** Removes a criterion; its cell may be left empty while the set is a draft. */
export async function removeCriterion(actor: PersonActor, { criterionId }: RemoveCriterionInput): Promise<{ version: number }> {
  assertCan(actor, "criteria.edit", CRITERIA);
  return prisma.$transaction(async (tx) => {
    const { criterion, set } = await lockDraftCriterion(tx, criterionId);
    await tx.criterion.delete({ where: { id: criterionId } });
    await auditCriterion(tx, actor, "criteria.removed", set, criterion, null);
    return { version: set.version };
  });
}

export async function renameDraft(actor: PersonActor, { setId, name }: RenameDraftInput): Promise<{ version: number }> {
  assertCan(actor, "criteria.edit", CRITERIA);
  return prisma.$transaction(async (tx) => {
    const set = await lockDraftSet(tx, setId);
    if (set.name !== name) {
      await tx.criteriaSet.update({ where: { id: setId }, data: { name } });
      await auditSet(tx, actor, "criteria.renamed", setId, { name: set.name }, { name });
    }
    return { version: set.version };
  });
}

/** Abandons a draft and its criteria; published versions stay as they are. */
export async function discardDraft(actor: PersonActor, { setId }: DraftSetInput): Promise<{ version: number }> {
  assertCan(actor, "criteria.edit", CRITERIA);
  return prisma.$transaction(async (tx) => {
    const set = await lockDraftSet(tx, setId);
    const criteriaCount = await tx.criterion.count({ where: { setId } });
    await tx.criteriaSet.delete({ where: { id: setId } });
    await auditSet(tx, actor, "criteria.draftDiscarded", setId, { version: set.version, name: set.name, criteriaCount }, null);
    return { version: set.version };
  });
}

/**
 * Makes the draft the set ratings use and retires the one it replaces, in one
 * transaction. Refused while any cell is empty: no team could reach that level.
 */
export async function publishDraftSet(actor: PersonActor, { setId }: DraftSetInput): Promise<{ version: number; replacedVersion: number | null }> {
  assertCan(actor, "criteria.publish", CRITERIA);
  return prisma.$transaction(async (tx) => {
    const set = await lockDraftSet(tx, setId);
    const criteria = await tx.criterion.findMany({ where: { setId }, select: { id: true, dimension: true, level: true } });
    const empty = emptyCells(criteria).map(({ dimension, level }) => cellLabel(dimension, level));
    if (empty.length > 0) {
      throw new ConflictError(`Every cell needs at least one criterion before version ${set.version} can be published. Empty: ${empty.join("; ")}`);
    }

    const previous = await tx.criteriaSet.findFirst({ where: { status: "PUBLISHED" }, select: { id: true, version: true } });
    if (previous) {
      await tx.criteriaSet.update({ where: { id: previous.id }, data: { status: "RETIRED" } });
      await auditSet(tx, actor, "criteria.retired", previous.id, { status: "PUBLISHED" }, { status: "RETIRED", replacedByVersion: set.version });
    }
    const publishedAt = new Date();
    await tx.criteriaSet.update({ where: { id: setId }, data: { status: "PUBLISHED", publishedAt, publishedById: actor.personId } });
    await auditSet(tx, actor, "criteria.published", setId, { status: "DRAFT" }, {
      status: "PUBLISHED",
      publishedAt: publishedAt.toISOString(),
      replacesVersion: previous?.version ?? null,
    });
    return { version: set.version, replacedVersion: previous?.version ?? null };
  });
}

/**
 * Locks the set for the rest of the transaction and insists it is a draft. The
 * row lock makes edits and publishing of one set take turns, so no edit can land
 * in a set just after it was published.
 */
async function lockDraftSet(tx: Tx, setId: string): Promise<DraftSet> {
  const [set] = await tx.$queryRaw<(DraftSet & { status: CriteriaSetStatus })[]>`
    SELECT id, version, name, status FROM "CriteriaSet" WHERE id = ${setId}::uuid FOR UPDATE`;
  if (!set) throw new NotFoundError("Unknown criteria set: it does not exist or was discarded.");
  if (set.status !== "DRAFT") {
    throw new ConflictError(`Version ${set.version} is ${set.status.toLowerCase()}; start a new draft to change criteria`);
  }
  return set;
}

async function lockDraftCriterion(tx: Tx, criterionId: string): Promise<{ criterion: CriterionRecord; set: DraftSet }> {
  const found = await tx.criterion.findUnique({ where: { id: criterionId }, select: { setId: true } });
  const set = found && (await lockDraftSet(tx, found.setId));
  // Read under the lock: the criterion may have been removed while this waited for it.
  const criterion = set && (await tx.criterion.findUnique({ where: { id: criterionId } }));
  if (!set || !criterion) throw new NotFoundError("Unknown criterion: it does not exist or was removed.");
  return { criterion, set };
}

function auditCriterion(tx: Tx, actor: PersonActor, action: AuditAction, set: DraftSet, before: CriterionRecord | null, after: CriterionRecord | null) {
  const snapshot = ({ dimension, level, position, text }: CriterionRecord) => ({ version: set.version, dimension, level, position, text });
  return recordAudit(tx, {
    actorId: actor.personId,
    action,
    entityType: "Criterion",
    entityId: (after ?? before)!.id,
    before: before && snapshot(before),
    after: after && snapshot(after),
  });
}

type SetChange = Prisma.InputJsonObject | null;

function auditSet(tx: Tx, actor: PersonActor, action: AuditAction, setId: string, before: SetChange, after: SetChange) {
  return recordAudit(tx, { actorId: actor.personId, action, entityType: "CriteriaSet", entityId: setId, before, after });
}
