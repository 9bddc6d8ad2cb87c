import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { getProjectTargetOrThrow } from "@/lib/data/projects";
import { getTeamTargetOrThrow, isUuid } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { auditActionLabel, isImportReason } from "@/lib/domain/audit-actions";
import { diffSnapshots, type JsonValue } from "@/lib/domain/audit-diff";
import { describeChanges, referencedIds, type ChangeView, type RecordNames } from "@/lib/domain/audit-labels";
import { formatCents } from "@/lib/domain/money";
import type { Quarter } from "@/lib/domain/quarter";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RatingKind, RoleKind } from "@/lib/generated/prisma/enums";
import { pageCount } from "@/lib/validation/paging";

// Each record's history: its audit entries, newest first, with what changed field by field.
// A record's history is open to whoever may see the record (the same check as its page),
// and takes in the records inside it a reader expects there: a team's roster and roles,
// a project's measures, data points, PDSA cycles and savings entries.

export const HISTORY_PAGE_SIZE = 25;

export type HistoryEntryView = {
  id: string;
  at: Date;
  /** Who made the change: a person's name, "Import by …" for a CSV import, or "System". */
  actor: string;
  actorId: string | null;
  action: string;
  /** Whose entry it is when it is not the record's own: "Measure “Wait time”". */
  subject: string | null;
  /** Where the subject's own history is, when it has one (a savings entry's). */
  subjectHref: string | null;
  reason: string | null;
  changes: ChangeView[];
};

export type RecordHistory = { entries: HistoryEntryView[]; count: number; page: number; pageCount: number };

type AuditRow = Prisma.AuditEntryGetPayload<{ include: { actor: { select: { displayName: true } } } }>;
type Subject = { subject: string; href?: string } | null;

/** The names of the people, places, goals, criteria, measures and projects snapshots refer to by id. */
export async function lookUpNames(rows: readonly { before: Prisma.JsonValue; after: Prisma.JsonValue }[]): Promise<RecordNames> {
  const ids = new Set<string>();
  for (const row of rows) {
    referencedIds(row.before as JsonValue, ids);
    referencedIds(row.after as JsonValue, ids);
  }
  if (ids.size === 0) return new Map();
  const where = { id: { in: [...ids] } };
  const found = await Promise.all([
    prisma.person.findMany({ where, select: { id: true, displayName: true } }).then((rows) => rows.map((row) => [row.id, row.displayName] as const)),
    prisma.team.findMany({ where, select: { id: true, name: true, code: true } }).then((rows) => rows.map((row) => [row.id, `${row.name} (${row.code})`] as const)),
    prisma.region.findMany({ where, select: { id: true, name: true } }).then((rows) => rows.map((row) => [row.id, row.name] as const)),
    prisma.facility.findMany({ where, select: { id: true, name: true } }).then((rows) => rows.map((row) => [row.id, row.name] as const)),
    prisma.department.findMany({ where, select: { id: true, name: true } }).then((rows) => rows.map((row) => [row.id, row.name] as const)),
    prisma.unionLocal.findMany({ where, select: { id: true, name: true } }).then((rows) => rows.map((row) => [row.id, row.name] as const)),
    prisma.goal.findMany({ where, select: { id: true, title: true } }).then((rows) => rows.map((row) => [row.id, row.title] as const)),
    prisma.criterion.findMany({ where, select: { id: true, text: true } }).then((rows) => rows.map((row) => [row.id, row.text] as const)),
    prisma.measure.findMany({ where, select: { id: true, name: true } }).then((rows) => rows.map((row) => [row.id, row.name] as const)),
    prisma.project.findMany({ where, select: { id: true, title: true } }).then((rows) => rows.map((row) => [row.id, row.title] as const)),
  ]);
  return new Map(found.flat());
}

/** Who made an entry, in words. */
export function actorLabel(row: Pick<AuditRow, "actor" | "reason">): string {
  if (!row.actor) return "System";
  return isImportReason(row.reason) ? `Import by ${row.actor.displayName}` : row.actor.displayName;
}

/** One entry as history shows it. */
export function historyEntryView(row: AuditRow, names: RecordNames, subject: Subject = null): HistoryEntryView {
  return {
    id: row.id.toString(),
    at: row.at,
    actor: actorLabel(row),
    actorId: row.actorId,
    action: auditActionLabel(row.action),
    subject: subject?.subject ?? null,
    subjectHref: subject?.href ?? null,
    reason: row.reason,
    changes: describeChanges(row.entityType, diffSnapshots(row.before as JsonValue, row.after as JsonValue), names),
  };
}

async function historyPage(where: Prisma.AuditEntryWhereInput, page: number, subjectOf: (row: AuditRow, names: RecordNames) => Subject = () => null): Promise<RecordHistory> {
  const [count, rows] = await Promise.all([
    prisma.auditEntry.count({ where }),
    prisma.auditEntry.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      include: { actor: { select: { displayName: true } } },
    }),
  ]);
  const names = await lookUpNames(rows);
  return { entries: rows.map((row) => historyEntryView(row, names, subjectOf(row, names))), count, page, pageCount: pageCount(count, HISTORY_PAGE_SIZE) };
}

/** A snapshot's field (the after's, else the before's). */
function snapshotField(row: Pick<AuditRow, "before" | "after">, key: string): JsonValue | undefined {
  for (const side of [row.after, row.before]) {
    if (side && typeof side === "object" && !Array.isArray(side) && key in side) return (side as Record<string, JsonValue>)[key];
  }
  return undefined;
}

function text(value: JsonValue | undefined): string | null {
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

// ───────────────────────────── team ─────────────────────────────

/** A team's history: its own details, its roster and key roles, and who held its co-lead and sponsor roles. */
export async function getTeamRecordHistory(actor: Actor, teamId: string, page: number) {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", team);
  // Roster entries and role assignments are never deleted (they end), so the team's are all still here.
  const [details, members, assignments] = await Promise.all([
    prisma.team.findUniqueOrThrow({ where: { id: team.teamId }, select: { code: true } }),
    prisma.teamMember.findMany({ where: { teamId: team.teamId }, select: { id: true } }),
    prisma.roleAssignment.findMany({ where: { teamId: team.teamId }, select: { id: true } }),
  ]);
  const where: Prisma.AuditEntryWhereInput = {
    OR: [
      { entityType: "Team", entityId: team.teamId },
      { entityType: "TeamMember", entityId: { in: members.map((member) => member.id) } },
      { entityType: "RoleAssignment", entityId: { in: assignments.map((assignment) => assignment.id) } },
    ],
  };
  const history = await historyPage(where, page, (row, names) => {
    const person = text(snapshotField(row, "displayName")) ?? names.get(text(snapshotField(row, "personId")) ?? "") ?? "someone removed";
    if (row.entityType === "TeamMember") return { subject: `Roster: ${person}` };
    if (row.entityType === "RoleAssignment") {
      const role = text(snapshotField(row, "role"));
      const roleLabel = role && Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as RoleKind] : "Role";
      return { subject: `${roleLabel}: ${person}` };
    }
    return null;
  });
  return { team: { id: team.teamId, name: team.name, code: details.code }, history };
}

// ───────────────────────────── rating ─────────────────────────────

/** A rating's history: saves, sign-offs, disagreements and reopenings, with the criteria ticked or unticked. */
export async function getRatingRecordHistory(actor: Actor, teamId: string, quarter: Quarter, kind: RatingKind, page: number) {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", team);
  const rating = await prisma.rating.findUnique({ where: { teamId_quarter_kind: { teamId: team.teamId, quarter, kind } }, select: { id: true } });
  if (!rating) throw new NotFoundError(`${team.name} has no ${kind === "SELF_ASSESSMENT" ? "self-assessment" : "quarterly rating"} for ${quarter} yet, so it has no history.`);
  const history = await historyPage({ entityType: "Rating", entityId: rating.id }, page);
  return { team: { id: team.teamId, name: team.name }, quarter, kind, history };
}

// ───────────────────────────── project ─────────────────────────────

/**
 * A project's history with everything recorded in it. Measures and data points can be
 * removed, so theirs are found by the project (or measure) their snapshots name; cycles and
 * savings entries are never deleted, so theirs by id. The JSON match reads the measure and
 * data-point entries of the log (index on entityType), which is fine at a project's scale
 * of writes; a column naming the project on each entry would make it an index lookup.
 */
export async function getProjectRecordHistory(actor: Actor, projectId: string, page: number) {
  const target = await getProjectTargetOrThrow(projectId);
  // Its measures, cycles and savings are the team's: the practice view of a completed project does not open them.
  assertCan(actor, "team.view", target.team);
  const id = target.projectId;
  const [measures, removedMeasures, cycles, entries] = await Promise.all([
    prisma.measure.findMany({ where: { projectId: id }, select: { id: true } }),
    prisma.auditEntry.findMany({ where: { entityType: "Measure", action: "measure.removed", before: { path: ["projectId"], equals: id } }, select: { entityId: true } }),
    prisma.pdsaCycle.findMany({ where: { projectId: id }, select: { id: true } }),
    prisma.savingsEntry.findMany({ where: { projectId: id }, select: { id: true } }),
  ]);
  const measureIds = [...new Set([...measures.map((measure) => measure.id), ...removedMeasures.map((entry) => entry.entityId)])];
  const dataPointsOf = measureIds.flatMap((measureId): Prisma.AuditEntryWhereInput[] => [
    { after: { path: ["measureId"], equals: measureId } },
    { before: { path: ["measureId"], equals: measureId } },
  ]);
  const where: Prisma.AuditEntryWhereInput = {
    OR: [
      { entityType: "Project", entityId: id },
      { entityType: "Measure", entityId: { in: measureIds } },
      { entityType: "PdsaCycle", entityId: { in: cycles.map((cycle) => cycle.id) } },
      { entityType: "SavingsEntry", entityId: { in: entries.map((entry) => entry.id) } },
      ...(dataPointsOf.length > 0 ? [{ entityType: "DataPoint", OR: dataPointsOf }] : []),
    ],
  };
  const history = await historyPage(where, page, (row) => {
    switch (row.entityType) {
      case "Measure":
        return { subject: `Measure “${text(snapshotField(row, "name")) ?? "removed"}”` };
      case "DataPoint":
        return { subject: `Data point of “${text(snapshotField(row, "measure")) ?? "a removed measure"}”` };
      case "PdsaCycle":
        return { subject: `PDSA cycle ${text(snapshotField(row, "number")) ?? ""}`.trim() };
      case "SavingsEntry": {
        const cents = snapshotField(row, "amountCents");
        return { subject: `Savings entry${typeof cents === "number" ? ` of ${formatCents(cents)}` : ""}`, href: savingsHistoryHref(id, row.entityId) };
      }
      default:
        return null;
    }
  });
  return { project: { id, title: target.title, team: { id: target.team.teamId, name: target.team.name } }, history };
}

// ───────────────────────────── savings entry ─────────────────────────────

export function savingsHistoryHref(projectId: string, entryId: string): string {
  return `/projects/${projectId}/savings/${entryId}/history`;
}

/** One savings entry's history: reported, corrected, validated or rejected (with the reason). */
export async function getSavingsEntryHistory(actor: Actor, projectId: string, entryId: string, page: number) {
  const entry = isUuid(entryId)
    ? await prisma.savingsEntry.findUnique({ where: { id: entryId }, select: { id: true, projectId: true, teamId: true, amountCents: true, project: { select: { title: true } } } })
    : null;
  if (!entry || entry.projectId !== projectId) throw new NotFoundError("Unknown savings entry: it does not exist or is not this project's.");
  const team = await getTeamTargetOrThrow(entry.teamId);
  assertCan(actor, "team.view", team);
  const history = await historyPage({ entityType: "SavingsEntry", entityId: entry.id }, page);
  return { entry: { id: entry.id, amountCents: entry.amountCents }, project: { id: entry.projectId, title: entry.project.title }, team: { id: team.teamId, name: team.name }, history };
}
