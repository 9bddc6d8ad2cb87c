import "server-only";
import { assertCan, type Actor, type Target } from "@/lib/auth/permissions";
import type { CsvCell, CsvPages } from "@/lib/csv";
import { readInPages } from "@/lib/data/pages";
import { historyEntryView, lookUpNames, savingsHistoryHref, type HistoryEntryView } from "@/lib/data/record-history";
import { isUuid } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { auditEntityLabel } from "@/lib/domain/audit-actions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilters } from "@/lib/validation/audit-filters";
import { pageCount } from "@/lib/validation/paging";

// The whole audit log, filtered by who, what kind and when, for national LMP staff and
// administrators. Only national ones: an entry does not say which region its record is in
// (that takes a different join per kind of record, and removed measures and data points
// have no row left to join), so a regional grant could not be scoped without that cost on
// every page; regional staff and administrators read their teams' records' History pages.

export const AUDIT_PAGE_SIZE = 50;

const WHOLE_LOG: Target = { kind: "national" };

export type AuditLogRow = HistoryEntryView & {
  actionCode: string;
  entityType: string;
  entityLabel: string;
  entityId: string;
  /** The history page the entry shows on, where there is one. */
  recordHref: string | null;
};

export type AuditLog = { rows: AuditLogRow[]; count: number; page: number; pageCount: number };

function auditWhere({ who, kind, action, from, to }: AuditFilters): Prisma.AuditEntryWhereInput {
  const dayAfter = to && new Date(to.getTime() + 24 * 60 * 60 * 1000);
  return {
    ...(who && (isUuid(who) ? { actorId: who } : { actor: { displayName: { contains: who, mode: "insensitive" } } })),
    ...(kind && { entityType: kind }),
    ...(action && { action }),
    ...((from || dayAfter) && { at: { ...(from && { gte: from }), ...(dayAfter && { lt: dayAfter }) } }),
  };
}

/** One page of the filtered log, newest first. */
export async function listAuditLog(actor: Actor, filters: AuditFilters, page: number): Promise<AuditLog> {
  assertCan(actor, "audit.view", WHOLE_LOG);
  const where = auditWhere(filters);
  const [count, rows] = await Promise.all([prisma.auditEntry.count({ where }), auditRows(where, { skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE })]);
  return { rows, count, page, pageCount: pageCount(count, AUDIT_PAGE_SIZE) };
}

const EXPORT_HEADERS = ["Time (UTC)", "Who", "Person id", "Change", "Change code", "Record kind", "Record id", "Reason", "What changed"];

/** Every entry the filters match, as CSV a page at a time: the same rows, in the same order, as the pages. */
export function exportAuditRows(actor: Actor, filters: AuditFilters): CsvPages {
  async function* pages() {
    assertCan(actor, "audit.view", WHOLE_LOG);
    const where = auditWhere(filters);
    yield* readInPages(
      (after: bigint | undefined, take) => auditRows(where, { take, ...(after !== undefined && { cursor: { id: after }, skip: 1 }) }),
      (row) => BigInt(row.id),
      auditCsvRow,
    );
  }
  return { headers: EXPORT_HEADERS, pages: pages() };
}

/** An entry as a CSV row; the changes as "Label: before → after", separated by semicolons. */
export function auditCsvRow(row: AuditLogRow): CsvCell[] {
  const changes = row.changes.map((change) => `${change.label}: ${change.before ?? "—"} → ${change.after ?? "—"}`).join("; ");
  return [row.at.toISOString(), row.actor, row.actorId, row.action, row.actionCode, row.entityLabel, row.entityId, row.reason, changes];
}

async function auditRows(where: Prisma.AuditEntryWhereInput, page?: { skip?: number; take: number; cursor?: { id: bigint } }): Promise<AuditLogRow[]> {
  const rows = await prisma.auditEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    ...page,
    include: { actor: { select: { displayName: true } } },
  });
  const [names, hrefOf] = await Promise.all([lookUpNames(rows), recordLinks(rows)]);
  return rows.map((row) => ({
    ...historyEntryView(row, names),
    actionCode: row.action,
    entityType: row.entityType,
    entityLabel: auditEntityLabel(row.entityType),
    entityId: row.entityId,
    recordHref: hrefOf(row),
  }));
}

type LinkRow = { entityType: string; entityId: string; before: Prisma.JsonValue; after: Prisma.JsonValue };

function snapshotId(row: LinkRow, key: string): string | null {
  for (const side of [row.after, row.before]) {
    const value = side && typeof side === "object" && !Array.isArray(side) ? (side as Record<string, unknown>)[key] : undefined;
    if (typeof value === "string" && isUuid(value)) return value;
  }
  return null;
}

/** Where each entry's record shows its history: looked up for the kinds whose entries do not name their team or project. */
async function recordLinks(rows: readonly LinkRow[]): Promise<(row: LinkRow) => string | null> {
  const idsOf = (type: string, pick: (row: LinkRow) => string | null) => [...new Set(rows.filter((row) => row.entityType === type).map(pick).filter((id): id is string => id !== null && isUuid(id)))];
  const [entries, ratings, measures] = await Promise.all([
    prisma.savingsEntry.findMany({ where: { id: { in: idsOf("SavingsEntry", (row) => row.entityId) } }, select: { id: true, projectId: true } }),
    prisma.rating.findMany({ where: { id: { in: idsOf("Rating", (row) => row.entityId) } }, select: { id: true, teamId: true, quarter: true, kind: true } }),
    prisma.measure.findMany({ where: { id: { in: idsOf("DataPoint", (row) => snapshotId(row, "measureId")) } }, select: { id: true, projectId: true } }),
  ]);
  const entryProject = new Map(entries.map((entry) => [entry.id, entry.projectId]));
  const ratingHref = new Map(ratings.map((rating) => [rating.id, `/teams/${rating.teamId}/ratings/${rating.quarter}/history${rating.kind === "SELF_ASSESSMENT" ? "?kind=self" : ""}`]));
  const measureProject = new Map(measures.map((measure) => [measure.id, measure.projectId]));
  const projectHistory = (projectId: string | null | undefined) => (projectId ? `/projects/${projectId}/history` : null);
  const teamHistory = (teamId: string | null) => (teamId ? `/teams/${teamId}/history` : null);

  return (row) => {
    switch (row.entityType) {
      case "Team":
        return teamHistory(row.entityId);
      case "TeamMember":
      case "RoleAssignment":
        return teamHistory(snapshotId(row, "teamId"));
      case "Rating":
        return ratingHref.get(row.entityId) ?? null;
      case "Project":
        return projectHistory(row.entityId);
      case "Measure":
      case "PdsaCycle":
        return projectHistory(snapshotId(row, "projectId"));
      case "DataPoint":
        return projectHistory(measureProject.get(snapshotId(row, "measureId") ?? ""));
      case "SavingsEntry": {
        const projectId = entryProject.get(row.entityId);
        return projectId ? savingsHistoryHref(projectId, row.entityId) : null;
      }
      case "Person":
        return `/admin/people/${row.entityId}`;
      default:
        return null;
    }
  };
}
