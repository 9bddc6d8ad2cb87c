import type { Metadata } from "next";
import Link from "next/link";
import { ReviewActions, SavingsTable } from "@/components/projects/savings/savings-table";
import { SavingsTotalsSummary } from "@/components/projects/savings/savings-totals";
import { EmptyState } from "@/components/ui/empty-state";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { NotPermitted } from "@/components/ui/not-permitted";
import { isEmptyScope, scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getSavingsReviewRegions, LEDGER_PAGE_SIZE, listSavingsForReview, type SavingsLedgerRow } from "@/lib/data/savings";
import { isAwaitingReview, SAVINGS_STATUS_LABELS } from "@/lib/domain/savings";
import { formatCount } from "@/lib/format";
import { readPage } from "@/lib/validation/paging";
import { ALL_STATUSES, readSavingsFilters, savingsFiltersQuery, type SavingsFilters } from "@/lib/validation/savings";

export const metadata: Metadata = { title: "Savings review" };

const fieldClass = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2";

export default async function SavingsPage({ searchParams }: PageProps<"/savings">) {
  const user = await requireUser();
  if (isEmptyScope(scopeFor(user, "savings.validate"))) {
    return <NotPermitted what="The savings review queue" who="LMP staff and finance reviewers" />;
  }
  const params = await searchParams;
  // Without a status in the address, the page is the queue: what awaits review.
  const { filters, invalid } = readSavingsFilters({ ...params, status: params.status ?? "REPORTED" });
  const page = readPage(params.page);
  const notUnderstood = page.ok ? invalid : [...invalid, "page"];
  const [ledger, regions] = await Promise.all([listSavingsForReview(user, filters, page.ok ? page.page : 1), getSavingsReviewRegions(user)]);
  const isQueue = filters.status === "REPORTED";
  const pageHref = (to: number) => `/savings?${savingsFiltersQuery(filters)}${to > 1 ? `&page=${to}` : ""}`;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Savings review</h1>
      <p className="max-w-3xl text-slate-700">
        Teams report the savings their projects achieve. Check each entry&apos;s method and evidence, then validate it (which locks the
        figures) or reject it with a reason the team can act on. Entries are placed in a quarter by the day they were reported.
      </p>

      <FilterForm filters={filters} regions={regions} />
      {notUnderstood.length > 0 && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Not understood, so not applied: {notUnderstood.join(", ")}. Use the form above to filter.
        </p>
      )}

      <section aria-labelledby="ledger-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="ledger-title" className="text-lg font-semibold">
              {isQueue ? "Awaiting review" : filters.status ? SAVINGS_STATUS_LABELS[filters.status] : "All savings"}
            </h2>
            <p className="text-sm text-slate-600" data-testid="ledger-count">
              {formatCount(ledger.count)} {ledger.count === 1 ? "entry" : "entries"}
              {ledger.pageCount > 1 && ` · ${formatCount(LEDGER_PAGE_SIZE)} a page, ${isQueue ? "oldest" : "newest"} first`}
            </p>
          </div>
          <SavingsTotalsSummary totals={ledger.totals} />
        </div>
        <a href={`/api/exports/savings?${savingsFiltersQuery(filters)}`} className="no-print mt-3 inline-block font-medium text-brand-700 underline">
          Download these entries as CSV
        </a>
        <div className="mt-4">
          {ledger.count === 0 ? (
            <EmptyState title={isQueue ? "Nothing awaits review" : "No savings match these filters"} />
          ) : ledger.rows.length === 0 ? (
            <PageOutOfRange page={ledger.page} pageCount={ledger.pageCount} firstPageHref={pageHref(1)} />
          ) : (
            <div className="space-y-4">
              <SavingsTable<SavingsLedgerRow>
                entries={ledger.rows}
                caption={`Savings entries matching the filters${ledger.pageCount > 1 ? `, page ${formatCount(ledger.page)} of ${formatCount(ledger.pageCount)}` : ""}`}
                where={{ heading: "Team and project", cell: (row) => <EntryPlace row={row} /> }}
                actions={(row) => (isAwaitingReview(row.status) ? <ReviewActions entry={row} personId={user.personId} /> : null)}
              />
              <Pagination page={ledger.page} pageCount={ledger.pageCount} href={pageHref} label="Pages of savings entries" />
            </div>
          )}
        </div>
      </section>
    </div>
  );
}

function FilterForm({ filters, regions }: { filters: SavingsFilters; regions: { id: string; name: string }[] }) {
  return (
    <form method="get" action="/savings" className="no-print flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="status" className="block text-sm font-medium text-slate-800">
          Status
        </label>
        <select id="status" name="status" defaultValue={filters.status ?? ALL_STATUSES} className={fieldClass}>
          {Object.entries(SAVINGS_STATUS_LABELS).map(([status, label]) => (
            <option key={status} value={status}>
              {label}
            </option>
          ))}
          <option value={ALL_STATUSES}>All statuses</option>
        </select>
      </div>
      <div>
        <label htmlFor="regionId" className="block text-sm font-medium text-slate-800">
          Region
        </label>
        <select id="regionId" name="regionId" defaultValue={filters.regionId ?? ""} className={fieldClass}>
          <option value="">{regions.length === 1 ? regions[0]!.name : "All your regions"}</option>
          {regions.length > 1 &&
            regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
        </select>
      </div>
      <div>
        <label htmlFor="quarter" className="block text-sm font-medium text-slate-800">
          Quarter reported
        </label>
        <input id="quarter" name="quarter" defaultValue={filters.quarter ?? ""} placeholder="e.g. 2021-Q2" aria-describedby="quarter-hint" className={`${fieldClass} w-36`} />
        <span id="quarter-hint" className="sr-only">
          Leave empty for every quarter
        </span>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Show
      </button>
    </form>
  );
}

function EntryPlace({ row }: { row: SavingsLedgerRow }) {
  return (
    <>
      <Link href={`/projects/${row.projectId}`} className="font-medium text-brand-700 underline">
        {row.projectTitle}
      </Link>
      <span className="block text-xs text-slate-600">
        <Link href={`/teams/${row.teamId}`} className="underline">
          {row.teamName}
        </Link>{" "}
        · {row.teamCode} · {row.regionName}
      </span>
    </>
  );
}
