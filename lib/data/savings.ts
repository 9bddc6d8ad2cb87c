import "server-only";
import { parseInput } from "@/lib/validation/parse";
import { assertCan, scopeFor, scopeOrRefuse, type Actor, type Scope } from "@/lib/auth/permissions";
import type { CsvCell, CsvPages } from "@/lib/csv";
import { readInPages } from "@/lib/data/pages";
import { getProjectTargetOrThrow } from "@/lib/data/projects";
import { getTeamTargetOrThrow, teamsInScopeSql } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { quarterBounds } from "@/lib/domain/quarter";
import {
  centsAsDecimal,
  SAVINGS_CATEGORY_LABELS,
  SAVINGS_RECURRENCE_LABELS,
  SAVINGS_STATUS_LABELS,
  totalSavings,
  totalsFromSums,
  type SavingsSums,
  type SavingsTotals,
} from "@/lib/domain/savings";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SavingsCategory, SavingsRecurrence, SavingsStatus } from "@/lib/generated/prisma/enums";
import { toDayString } from "@/lib/validation/dates";
import { pageCount, pageNumberSchema } from "@/lib/validation/paging";
import { savingsFiltersSchema, type SavingsFilters } from "@/lib/validation/savings";

export type SavingsEntryView = {
  id: string;
  version: number;
  projectId: string;
  teamId: string;
  amountCents: number;
  category: SavingsCategory;
  recurrence: SavingsRecurrence;
  periodStart: Date | null;
  periodEnd: Date | null;
  reportedOn: Date;
  method: string;
  evidence: string | null;
  status: SavingsStatus;
  rejectionReason: string | null;
  reportedById: string | null;
  reportedByName: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
};

/** An entry with where it belongs, for the review queue, the ledger and the CSV. */
export type SavingsLedgerRow = SavingsEntryView & {
  projectTitle: string;
  teamCode: string;
  teamName: string;
  regionId: string;
  regionName: string;
};

export type ProjectSavings = { entries: SavingsEntryView[]; totals: SavingsTotals };

/** One page of a filtered ledger, with the count and totals of all of it. */
export type SavingsLedger = { rows: SavingsLedgerRow[]; count: number; totals: SavingsTotals; page: number; pageCount: number };

/** The review queue and ledger show this many rows a page (each queue row carries its review forms); the CSV has them all. */
export const LEDGER_PAGE_SIZE = 50;

// ───────────────────────────── a project's savings ─────────────────────────────

const ENTRY_FIELDS = {
  id: true,
  version: true,
  projectId: true,
  teamId: true,
  amountCents: true,
  category: true,
  recurrence: true,
  periodStart: true,
  periodEnd: true,
  reportedOn: true,
  method: true,
  evidence: true,
  status: true,
  rejectionReason: true,
  reportedById: true,
  reviewedAt: true,
} satisfies Prisma.SavingsEntrySelect;

/** Every entry of a project, newest first, with its totals (anyone who may see the team). */
export async function getProjectSavings(actor: Actor, projectId: string): Promise<ProjectSavings> {
  const project = await getProjectTargetOrThrow(projectId);
  assertCan(actor, "team.view", project.team);
  const entries = await prisma.savingsEntry.findMany({
    where: { projectId: project.projectId },
    select: { ...ENTRY_FIELDS, reportedBy: { select: { displayName: true } }, reviewedBy: { select: { displayName: true } } },
    orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }],
  });
  const views = entries.map(({ reportedBy, reviewedBy, ...entry }) => ({
    ...entry,
    reportedByName: reportedBy?.displayName ?? null,
    reviewedByName: reviewedBy?.displayName ?? null,
  }));
  return { entries: views, totals: totalSavings(views) };
}

// ───────────────────────────── totals (bigint sums in SQL) ─────────────────────────────

// The domain's definitions (lib/domain/savings.ts), as SQL over the alias `e`:
// reported is everything not rejected. Constants only, never input.
export const SAVINGS_STATUS_SQL = {
  reported: `e.status <> 'REJECTED'`,
  validated: `e.status = 'VALIDATED'`,
  rejected: `e.status = 'REJECTED'`,
} as const;
const RECURRENCE_CONDITIONS = { OneTime: `e.recurrence = 'ONE_TIME'`, Recurring: `e.recurrence = 'RECURRING'` } as const;

/** The six sums of `SavingsSums` in one pass; bigint, so no total can overflow. */
const SUMS_COLUMNS = Prisma.raw(
  Object.entries(SAVINGS_STATUS_SQL)
    .flatMap(([status, statusCondition]) =>
      Object.entries(RECURRENCE_CONDITIONS).map(
        ([recurrence, recurrenceCondition]) =>
          `coalesce(sum(e."amountCents") FILTER (WHERE ${statusCondition} AND ${recurrenceCondition}), 0)::bigint AS "${status}${recurrence}"`,
      ),
    )
    .join(",\n"),
);

async function sumSavings(where: Prisma.Sql): Promise<SavingsTotals> {
  const [sums] = await prisma.$queryRaw<SavingsSums[]>`
    SELECT ${SUMS_COLUMNS} FROM "SavingsEntry" e JOIN "Team" t ON t.id = e."teamId" WHERE ${where}`;
  return totalsFromSums(sums!);
}

/** A team's totals: only the entries of its own projects (see the spread rule in lib/domain/savings.ts). */
export async function getTeamSavingsTotals(actor: Actor, teamId: string): Promise<SavingsTotals> {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", team);
  return sumSavings(Prisma.sql`e."teamId" = ${team.teamId}::uuid`);
}

// ───────────────────────────── the ledger: review queue and CSV ─────────────────────────────

const LEDGER_FROM = Prisma.sql`"SavingsEntry" e
  JOIN "Team" t ON t.id = e."teamId"
  JOIN "Region" r ON r.id = t."regionId"
  JOIN "Project" p ON p.id = e."projectId"
  LEFT JOIN "Person" reporter ON reporter.id = e."reportedById"
  LEFT JOIN "Person" reviewer ON reviewer.id = e."reviewedById"`;

/** A page of the entries in the actor's validation scope matching the filters: the review queue (status REPORTED) or the ledger. */
export async function listSavingsForReview(actor: Actor, rawFilters: SavingsFilters, rawPage: number = 1): Promise<SavingsLedger> {
  const scope = scopeOrRefuse(actor, "savings.validate");
  const filters = parseInput(savingsFiltersSchema, rawFilters);
  const page = parseInput(pageNumberSchema, rawPage);
  const where = ledgerWhere(scope, filters);
  // The queue is worked oldest first; the ledger reads newest first.
  const order = filters.status === "REPORTED" ? "oldest" : "newest";
  const [rows, [summary]] = await Promise.all([
    ledgerRows(where, order, { limit: LEDGER_PAGE_SIZE, offset: (page - 1) * LEDGER_PAGE_SIZE }),
    prisma.$queryRaw<({ count: number } & SavingsSums)[]>`SELECT count(*)::int AS count, ${SUMS_COLUMNS} FROM "SavingsEntry" e WHERE ${where}`,
  ]);
  const { count, ...sums } = summary!;
  return { rows, count, totals: totalsFromSums(sums), page, pageCount: pageCount(count, LEDGER_PAGE_SIZE) };
}

/** The regions whose savings the actor may review, for the queue's filter; refused to anyone who reviews none. */
export async function getSavingsReviewRegions(actor: Actor): Promise<{ slug: string; name: string }[]> {
  const scope = scopeOrRefuse(actor, "savings.validate");
  return prisma.region.findMany({
    where: scope.all ? {} : { OR: [{ id: { in: scope.regionIds } }, { teams: { some: { id: { in: scope.teamIds } } } }] },
    select: { slug: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
}

const EXPORT_HEADERS = [
  "entry id",
  "team code",
  "team",
  "region",
  "project",
  "amount (USD)",
  "category",
  "recurrence",
  "period start",
  "period end",
  "reported on",
  "status",
  "reviewed on",
];

/** The savings CSV: every entry the user may see (their teams, their regions, or all) matching the filters, newest first. */
export function exportSavingsRows(actor: Actor, rawFilters: SavingsFilters): CsvPages {
  const filters = parseInput(savingsFiltersSchema, rawFilters);
  const where = ledgerWhere(scopeFor(actor, "team.view"), filters);
  const pages = readInPages(
    (after: LedgerKey | undefined, take) => ledgerRows(where, "newest", { limit: take, after }),
    ({ reportedOn, createdAt, id }): LedgerKey => ({ reportedOn, createdAt, id }),
    exportRow,
  );
  return { headers: EXPORT_HEADERS, pages };
}

function exportRow(row: SavingsLedgerRow): CsvCell[] {
  return [
    row.id,
    row.teamCode,
    row.teamName,
    row.regionName,
    row.projectTitle,
    centsAsDecimal(row.amountCents),
    SAVINGS_CATEGORY_LABELS[row.category],
    SAVINGS_RECURRENCE_LABELS[row.recurrence],
    row.periodStart && toDayString(row.periodStart),
    row.periodEnd && toDayString(row.periodEnd),
    toDayString(row.reportedOn),
    SAVINGS_STATUS_LABELS[row.status],
    row.reviewedAt && toDayString(row.reviewedAt),
  ];
}

/** Where a page of the ledger's order ends: the next page starts after it. */
type LedgerKey = { reportedOn: Date; createdAt: Date; id: string };

/** Every matching row, or the page given: by number (the screens), or after a row (the CSV). */
async function ledgerRows(
  where: Prisma.Sql,
  order: "oldest" | "newest",
  page?: { limit: number; offset?: number; after?: LedgerKey },
): Promise<(SavingsLedgerRow & { createdAt: Date })[]> {
  const direction = Prisma.raw(order === "oldest" ? "ASC" : "DESC");
  const after = page?.after
    ? Prisma.sql`AND (e."reportedOn", e."createdAt", e.id) ${Prisma.raw(order === "oldest" ? ">" : "<")} (${page.after.reportedOn}::date, ${page.after.createdAt}::timestamp(3), ${page.after.id}::uuid)`
    : Prisma.empty;
  return prisma.$queryRaw<(SavingsLedgerRow & { createdAt: Date })[]>`
    SELECT e.id, e.version, e."projectId", e."teamId", e."amountCents", e.category, e.recurrence, e."createdAt",
           e."periodStart", e."periodEnd", e."reportedOn", e.method, e.evidence, e.status, e."rejectionReason",
           e."reportedById", reporter."displayName" AS "reportedByName", reviewer."displayName" AS "reviewedByName", e."reviewedAt",
           p.title AS "projectTitle", t.code AS "teamCode", t.name AS "teamName", r.id AS "regionId", r.name AS "regionName"
    FROM ${LEDGER_FROM}
    WHERE ${where} ${after}
    ORDER BY e."reportedOn" ${direction}, e."createdAt" ${direction}, e.id ${direction}
    ${page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset ?? 0}` : Prisma.empty}`;
}

/**
 * The actor's scope and the filters, on the entry's own columns: its team is matched in a
 * subquery, so the count and sums read the entries alone, from SavingsEntry_ledger_sums_idx
 * (joining every team to count the queue took 230 ms of the 250 at ten times the partnership).
 */
function ledgerWhere(scope: Scope, filters: SavingsFilters): Prisma.Sql {
  const teamConditions = [
    ...(scope.all ? [] : [teamsInScopeSql(scope, { regionId: Prisma.sql`t."regionId"`, teamId: Prisma.sql`t.id` })]),
    ...(filters.region ? [Prisma.sql`t."regionId" = (SELECT id FROM "Region" WHERE slug = ${filters.region})`] : []),
  ];
  const conditions =
    teamConditions.length > 0 ? [Prisma.sql`e."teamId" IN (SELECT t.id FROM "Team" t WHERE ${Prisma.join(teamConditions, " AND ")})`] : [Prisma.sql`TRUE`];
  if (filters.status) conditions.push(Prisma.sql`e.status = ${filters.status}::"SavingsStatus"`);
  if (filters.quarter) {
    // The quarter of the day the savings were reported places an entry (see the schema).
    const { start, end } = quarterBounds(filters.quarter);
    conditions.push(Prisma.sql`e."reportedOn" >= ${toDayString(start)}::date AND e."reportedOn" < ${toDayString(end)}::date`);
  }
  return Prisma.join(conditions, " AND ");
}
