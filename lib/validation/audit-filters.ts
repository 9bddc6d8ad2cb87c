import type { AuditAction, AuditEntityType } from "@/lib/domain/audit-actions";
import { toDayString } from "@/lib/validation/dates";
import { readUrlFilters, urlFilters, urlQuery, type UrlParams, type UrlProblem } from "@/lib/validation/url-filters";

// The audit page's filters (who, what kind, when), read from the URL by the one parser,
// shared by the page and its CSV export so both mean the same rows.

export type AuditFilters = {
  /** Part of the name of who made the change, or their person id. */
  who?: string;
  kind?: AuditEntityType;
  action?: AuditAction;
  /** The first and last day of changes to show, both included (UTC days, as times are shown). */
  from?: Date;
  to?: Date;
};

const AUDIT_URL_FILTERS = { who: urlFilters.who, kind: urlFilters.kind, action: urlFilters.action, from: urlFilters.from, to: urlFilters.to };

export function readAuditFilters(params: UrlParams): { filters: AuditFilters; problems: UrlProblem[] } {
  const { values, problems } = readUrlFilters(params, AUDIT_URL_FILTERS);
  // A span that ends before it starts would show nothing as if nothing had happened: name it instead.
  if (values.from && values.to && values.to < values.from) {
    problems.push({ name: "to", value: toDayString(values.to), message: `The last day is before the first (${toDayString(values.from)})` });
    delete values.to;
  }
  return { filters: values, problems };
}

/** The query string for the same filters (the CSV link, the pager). */
export function auditFiltersQuery(filters: AuditFilters): string {
  return urlQuery({
    who: filters.who,
    kind: filters.kind,
    action: filters.action,
    from: filters.from && toDayString(filters.from),
    to: filters.to && toDayString(filters.to),
  });
}
