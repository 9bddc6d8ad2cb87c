import { EmptyState } from "@/components/ui/empty-state";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { TextLink } from "@/components/ui/text-link";
import type { HistoryEntryView, RecordHistory } from "@/lib/data/record-history";
import type { ChangeView } from "@/lib/domain/audit-labels";
import { countOf, formatDateTime } from "@/lib/format";

/** A record's history, newest first: who, when, what, and each changed field before → after; paged. */
export function HistoryEntries({ history, pageHref, label }: { history: RecordHistory; pageHref: (page: number) => string; label: string }) {
  if (history.count === 0) return <EmptyState title="Nothing recorded yet">Changes made from now on are listed here with who made them and when.</EmptyState>;
  if (history.entries.length === 0) return <PageOutOfRange page={history.page} pageCount={history.pageCount} firstPageHref={pageHref(1)} />;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600" data-testid="history-count">
        {countOf(history.count, "change")}, newest first
      </p>
      <ol className="space-y-3" aria-label={label} data-testid="history-entries">
        {history.entries.map((entry) => (
          <li key={entry.id}>
            <HistoryEntry entry={entry} />
          </li>
        ))}
      </ol>
      <Pagination page={history.page} pageCount={history.pageCount} href={pageHref} label={`Pages of ${label.toLowerCase()}`} />
    </div>
  );
}

/** One entry: what happened (and to which part of the record), who and when, the reason, and the fields it changed. */
export function HistoryEntry({ entry, record }: { entry: HistoryEntryView; record?: React.ReactNode }) {
  return (
    <article className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-testid="history-entry">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="min-w-0 font-semibold wrap-anywhere">
          {entry.action}
          {entry.subject && (
            <span className="font-normal text-slate-700">
              {" · "}
              {entry.subjectHref ? <TextLink href={entry.subjectHref}>{entry.subject}</TextLink> : entry.subject}
            </span>
          )}
        </h3>
        <p className="text-sm text-slate-600">
          <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time> · <span data-testid="history-actor">{entry.actor}</span>
        </p>
      </div>
      {record && <div className="mt-1 text-sm text-slate-700">{record}</div>}
      {entry.reason && (
        <p className="mt-1 text-sm wrap-anywhere whitespace-pre-line">
          <span className="text-slate-600">Reason:</span> “{entry.reason}”
        </p>
      )}
      <ChangeList changes={entry.changes} />
    </article>
  );
}

/** Field by field, before → after; a value too long for the line wraps inside it rather than widening the page. */
function ChangeList({ changes }: { changes: readonly ChangeView[] }) {
  if (changes.length === 0) return null;
  return (
    <dl className="mt-3 grid gap-x-4 gap-y-2 border-t border-slate-100 pt-3 text-sm sm:grid-cols-[minmax(8rem,14rem)_minmax(0,1fr)]" data-testid="history-changes">
      {changes.map((change, index) => (
        <div key={`${index}-${change.label}`} className="contents" data-testid="history-change">
          <dt className="font-medium text-slate-700 wrap-anywhere">{change.label}</dt>
          <dd className="min-w-0 wrap-anywhere whitespace-pre-line">
            <ChangeValues change={change} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ChangeValues({ change }: { change: ChangeView }) {
  if (change.kind === "added" && change.before === null) return <span data-testid="after">{change.after}</span>;
  if (change.kind === "removed" && change.after === null) {
    return (
      <>
        <del className="text-slate-600" data-testid="before">
          {change.before}
        </del>{" "}
        <span className="text-slate-600">(removed)</span>
      </>
    );
  }
  return (
    <>
      <span className="text-slate-600 line-through decoration-slate-400" data-testid="before">
        {change.before ?? "—"}
      </span>
      <span aria-hidden> → </span>
      <span className="sr-only"> changed to </span>
      <span className="font-medium text-slate-900" data-testid="after">
        {change.after ?? "—"}
      </span>
    </>
  );
}
