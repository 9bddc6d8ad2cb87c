import { Fragment, type ReactNode } from "react";
import { ReviewControls } from "@/components/projects/savings/review-controls";
import { formatDay } from "@/components/projects/savings/format";
import { SavingsStatusBadge } from "@/components/projects/savings/savings-status-badge";
import type { SavingsEntryView } from "@/lib/data/savings";
import { formatCents } from "@/lib/domain/money";
import { SAVINGS_CATEGORY_LABELS, SAVINGS_RECURRENCE_LABELS } from "@/lib/domain/savings";

type Props<T extends SavingsEntryView> = {
  entries: T[];
  caption: string;
  /** A leading column saying where each entry belongs, for lists across projects. */
  where?: { heading: string; cell: (entry: T) => ReactNode };
  /** What the user may do with an entry, shown on a row of its own beneath it; null for nothing. */
  actions: (entry: T) => ReactNode;
};

const cell = "py-2 pr-4 align-top";
const header = "py-2 pr-4 font-semibold";
const longText = "min-w-40 max-w-64 whitespace-pre-line break-words";

/** Savings entries with their figures, basis and review, on a project or in the review queue. */
export function SavingsTable<T extends SavingsEntryView>({ entries, caption, where, actions }: Props<T>) {
  const columnCount = where ? 9 : 8;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[60rem] border-collapse text-left text-sm" data-testid="savings-entries">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            {where && <th scope="col" className={header}>{where.heading}</th>}
            <th scope="col" className={`${header} text-right`}>Amount</th>
            <th scope="col" className={header}>Category</th>
            <th scope="col" className={header}>One-time or recurring</th>
            <th scope="col" className={header}>Reported</th>
            <th scope="col" className={header}>Method</th>
            <th scope="col" className={header}>Evidence</th>
            <th scope="col" className={header}>Status</th>
            <th scope="col" className={header}>Reviewed</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const entryActions = actions(entry);
            return (
              <Fragment key={entry.id}>
                <tr className={entryActions ? "" : "border-b border-slate-100"} data-testid="savings-entry" data-entry-id={entry.id}>
                  {where && <td className={`${cell} min-w-48`}>{where.cell(entry)}</td>}
                  <th scope="row" className={`${cell} text-right font-semibold tabular-nums`}>
                    {formatCents(entry.amountCents)}
                  </th>
                  <td className={cell}>{SAVINGS_CATEGORY_LABELS[entry.category]}</td>
                  <td className={cell}>
                    {SAVINGS_RECURRENCE_LABELS[entry.recurrence]}
                    <Detail>{entry.periodStart && entry.periodEnd && <Period start={entry.periodStart} end={entry.periodEnd} />}</Detail>
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    {formatDay(entry.reportedOn)}
                    <Detail>{entry.reportedByName && `by ${entry.reportedByName}`}</Detail>
                  </td>
                  <td className={`${cell} ${longText}`}>{entry.method}</td>
                  <td className={`${cell} ${longText}`}>{entry.evidence ?? "—"}</td>
                  <td className={cell}>
                    <SavingsStatusBadge status={entry.status} />
                    <Detail>{entry.rejectionReason && `Reason: ${entry.rejectionReason}`}</Detail>
                  </td>
                  <td className={cell}>
                    {entry.reviewedByName ?? "—"}
                    <Detail>{entry.reviewedAt && formatDay(entry.reviewedAt)}</Detail>
                  </td>
                </tr>
                {entryActions && (
                  <tr className="border-b border-slate-100">
                    <td colSpan={columnCount} className="no-print pb-3">
                      {entryActions}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The period a saving covers; each day kept whole when the cell wraps. */
function Period({ start, end }: { start: Date; end: Date }) {
  return (
    <>
      <span className="whitespace-nowrap">{formatDay(start)} –</span> <span className="whitespace-nowrap">{formatDay(end)}</span>
    </>
  );
}

function Detail({ children }: { children: ReactNode }) {
  return children ? <span className="block text-xs text-slate-600">{children}</span> : null;
}

/** Validate or reject an entry awaiting review, unless the validator reported it themselves. */
export function ReviewActions({ entry, personId }: { entry: SavingsEntryView; personId: string }) {
  if (entry.reportedById === personId) {
    return <p className="text-sm text-slate-600">You reported these savings, so another validator reviews them.</p>;
  }
  const entryLabel = `${formatCents(entry.amountCents)} reported ${formatDay(entry.reportedOn)}`;
  return <ReviewControls entryId={entry.id} version={entry.version} entryLabel={entryLabel} />;
}
