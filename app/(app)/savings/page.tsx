import type { Metadata } from "next";
import { ReviewActions, SavingsTable } from "@/components/projects/savings/savings-table";
import { SavingsTotalsSummary } from "@/components/projects/savings/savings-totals";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { optionsOf, Select } from "@/components/ui/select";
import { DownloadLink, TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getSavingsReviewRegions, LEDGER_PAGE_SIZE, listSavingsForReview, type SavingsLedgerRow } from "@/lib/data/savings";
import { currentQuarter, quarterRange, type Quarter } from "@/lib/domain/quarter";
import { isAwaitingReview, SAVINGS_STATUS_LABELS } from "@/lib/domain/savings";
import { countOf, formatCount } from "@/lib/format";
import { ALL_STATUSES, readSavingsFilters, savingsFiltersQuery, type SavingsFilters } from "@/lib/validation/savings";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Savings review" };

/** The quarters the filter offers: from the partnership's first tracked year to today, newest first. */
const FIRST_QUARTER: Quarter = "2019-Q1";

export default async function SavingsPage({ searchParams }: PageProps<"/savings">) {
  const user = await requireUser();
  const params = await searchParams;
  // Without a status in the address, the page is the queue: what awaits review.
  const read = readSavingsFilters({ ...params, status: params.status ?? "REPORTED" });
  const paging = readUrlFilters(params, { page: urlFilters.page });
  const regions = await guardPage(getSavingsReviewRegions(user));
  // A region outside the reviewer's would show an empty list as if nothing were there: name it instead.
  const { region } = read.filters;
  const knownRegion = region === undefined || regions.some((option) => option.slug === region);
  const filters: SavingsFilters = knownRegion ? read.filters : { ...read.filters, region: undefined };
  const regionProblems = knownRegion ? [] : [{ name: "region", value: region, message: "Choose one of your regions from the list" }];
  const problems = [...read.problems, ...regionProblems, ...paging.problems];
  const ledger = await listSavingsForReview(user, filters, paging.values.page ?? 1);
  const isQueue = filters.status === "REPORTED";
  const pageHref = (to: number) => `/savings?${savingsFiltersQuery(filters)}${to > 1 ? `&page=${to}` : ""}`;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Savings review</h1>
      <p className="max-w-3xl text-slate-700">
        Teams report the savings their projects achieve. Check each entry&apos;s method and evidence, then validate it (which locks the
        figures) or reject it with a reason the team can act on. Entries are placed in a quarter by the day they were reported.
      </p>

      <SavingsFilterForm filters={filters} regions={regions} />
      <UrlProblems problems={problems} instead="Showing the entries without those filters; use the form above to choose." />

      <Card
        id="ledger"
        title={isQueue ? "Awaiting review" : filters.status ? SAVINGS_STATUS_LABELS[filters.status] : "All savings"}
        description={
          <span data-testid="ledger-count">
            {countOf(ledger.count, "entry", "entries")}
            {ledger.pageCount > 1 && ` · ${formatCount(LEDGER_PAGE_SIZE)} a page, ${isQueue ? "oldest" : "newest"} first`}
          </span>
        }
        actions={<SavingsTotalsSummary totals={ledger.totals} />}
      >
        <DownloadLink href={`/api/exports/savings?${savingsFiltersQuery(filters)}`}>Download these entries as CSV</DownloadLink>
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
      </Card>
    </div>
  );
}

function SavingsFilterForm({ filters, regions }: { filters: SavingsFilters; regions: { slug: string; name: string }[] }) {
  const quarters = quarterRange(FIRST_QUARTER, currentQuarter()).reverse();
  return (
    <FilterForm action="/savings">
      <Field label="Status" className="sm:w-48">
        {(control) => (
          <Select
            {...control}
            name="status"
            defaultValue={filters.status ?? ALL_STATUSES}
            options={[...optionsOf(SAVINGS_STATUS_LABELS), { value: ALL_STATUSES, label: "All statuses" }]}
          />
        )}
      </Field>
      <Field label="Region" className="sm:w-56">
        {(control) => (
          <Select
            {...control}
            name="region"
            defaultValue={filters.region ?? ""}
            // Someone who reviews one region has it as their only choice.
            options={
              regions.length === 1
                ? [{ value: "", label: regions[0]!.name }]
                : [{ value: "", label: "All regions" }, ...regions.map((region) => ({ value: region.slug, label: region.name }))]
            }
          />
        )}
      </Field>
      <Field label="Quarter reported" className="sm:w-44">
        {(control) => (
          <Select
            {...control}
            name="quarter"
            defaultValue={filters.quarter ?? ""}
            options={[{ value: "", label: "All quarters" }, ...quarters.map((quarter) => ({ value: quarter, label: quarter }))]}
          />
        )}
      </Field>
    </FilterForm>
  );
}

function EntryPlace({ row }: { row: SavingsLedgerRow }) {
  return (
    <>
      <TextLink href={`/projects/${row.projectId}`} className="font-medium">
        {row.projectTitle}
      </TextLink>
      <span className="block text-xs text-slate-600">
        <TextLink href={`/teams/${row.teamId}`} className="text-slate-700">
          {row.teamName}
        </TextLink>{" "}
        · {row.teamCode} · {row.regionName}
      </span>
    </>
  );
}
