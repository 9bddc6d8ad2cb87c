import type { Metadata } from "next";
import { HistoryEntry } from "@/components/history/history-entries";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Input } from "@/components/ui/input";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { optionsOf, Select } from "@/components/ui/select";
import { DownloadLink, TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { AUDIT_PAGE_SIZE, listAuditLog, type AuditLogRow } from "@/lib/data/audit-log";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "@/lib/domain/audit-actions";
import { countOf, formatCount } from "@/lib/format";
import { auditFiltersQuery, readAuditFilters, type AuditFilters } from "@/lib/validation/audit-filters";
import { toDayString } from "@/lib/validation/dates";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const user = await requireUser();
  const params = await searchParams;
  const { filters, problems } = readAuditFilters(params);
  const paging = readUrlFilters(params, { page: urlFilters.page });
  const log = await guardPage(listAuditLog(user, filters, paging.values.page ?? 1));
  const query = auditFiltersQuery(filters);
  const pageHref = (to: number) => `/audit?${query}${to > 1 ? `${query ? "&" : ""}page=${to}` : ""}`;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="max-w-3xl text-slate-700">
        Every change recorded in the tracker, newest first: who made it, when, and what changed. Filter by who, by the kind of record or change, and by
        days (times are UTC).
      </p>
      <AuditFilterForm filters={filters} />
      <UrlProblems problems={[...problems, ...paging.problems]} instead="Showing the entries without those filters; use the form above to choose." />

      <Card
        id="audit-log"
        title="Entries"
        description={
          <span data-testid="audit-count">
            {countOf(log.count, "entry", "entries")}
            {log.pageCount > 1 && ` · ${formatCount(AUDIT_PAGE_SIZE)} a page`}
          </span>
        }
      >
        <p className="mb-4 text-sm">
          <DownloadLink href={`/api/exports/audit${query ? `?${query}` : ""}`}>Download these entries as CSV</DownloadLink>
        </p>
        {log.count === 0 ? (
          <EmptyState title="No entries match these filters" />
        ) : log.rows.length === 0 ? (
          <PageOutOfRange page={log.page} pageCount={log.pageCount} firstPageHref={pageHref(1)} />
        ) : (
          <div className="space-y-4">
            <ol className="space-y-3" aria-label="Audit entries" data-testid="audit-entries">
              {log.rows.map((row) => (
                <li key={row.id}>
                  <HistoryEntry entry={row} record={<RecordLine row={row} />} />
                </li>
              ))}
            </ol>
            <Pagination page={log.page} pageCount={log.pageCount} href={pageHref} label="Pages of audit entries" />
          </div>
        )}
      </Card>
    </div>
  );
}

/** Which record an entry is about, linked to its history where it has one. */
function RecordLine({ row }: { row: AuditLogRow }) {
  return (
    <span data-testid="audit-record">
      {row.entityLabel}{" "}
      {row.recordHref ? (
        <TextLink href={row.recordHref}>
          <span className="font-mono text-xs">{row.entityId}</span>
        </TextLink>
      ) : (
        <span className="font-mono text-xs wrap-anywhere">{row.entityId}</span>
      )}
    </span>
  );
}

function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  return (
    <FilterForm action="/audit">
      <Field label="Who" className="sm:w-56">
        {(control) => <Input {...control} type="search" name="who" defaultValue={filters.who ?? ""} maxLength={200} placeholder="Name or person id" />}
      </Field>
      <Field label="Kind of record" className="sm:w-48">
        {(control) => <Select {...control} name="kind" defaultValue={filters.kind ?? ""} options={[{ value: "", label: "All kinds" }, ...optionsOf(AUDIT_ENTITY_LABELS)]} />}
      </Field>
      <Field label="Change" className="sm:w-56">
        {(control) => <Select {...control} name="action" defaultValue={filters.action ?? ""} options={[{ value: "", label: "All changes" }, ...optionsOf(AUDIT_ACTION_LABELS)]} />}
      </Field>
      <Field label="From" className="sm:w-44">
        {(control) => <Input {...control} type="date" name="from" defaultValue={filters.from ? toDayString(filters.from) : ""} />}
      </Field>
      <Field label="To" className="sm:w-44">
        {(control) => <Input {...control} type="date" name="to" defaultValue={filters.to ? toDayString(filters.to) : ""} />}
      </Field>
    </FilterForm>
  );
}
