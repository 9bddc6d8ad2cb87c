import { Fragment, type ReactNode } from "react";
import { ReviewControls } from "@/components/projects/savings/review-controls";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { savingsHistoryHref } from "@/lib/data/record-history";
import type { SavingsEntryView } from "@/lib/data/savings";
import { formatCents } from "@/lib/domain/money";
import { SAVINGS_CATEGORY_LABELS, SAVINGS_RECURRENCE_LABELS } from "@/lib/domain/savings";
import { formatDay } from "@/lib/format";

type Props<T extends SavingsEntryView> = {
  entries: T[];
  caption: string;
  /** A leading column saying where each entry belongs, for lists across projects. */
  where?: { heading: string; cell: (entry: T) => ReactNode };
  /** What the user may do with an entry, shown on a row of its own beneath it; null for nothing. */
  actions: (entry: T) => ReactNode;
};

const longText = "min-w-40 max-w-64 whitespace-pre-line break-words";

/** Savings entries with their figures, basis and review, on a project or in the review queue. */
export function SavingsTable<T extends SavingsEntryView>({ entries, caption, where, actions }: Props<T>) {
  const columnCount = where ? 9 : 8;
  return (
    <Table caption={caption} className="min-w-[60rem]" data-testid="savings-entries">
      <TableHead>
        <tr>
          {where && <TableHeader>{where.heading}</TableHeader>}
          <TableHeader numeric>Amount</TableHeader>
          <TableHeader>Category</TableHeader>
          <TableHeader>One-time or recurring</TableHeader>
          <TableHeader>Reported</TableHeader>
          <TableHeader>Method</TableHeader>
          <TableHeader>Evidence</TableHeader>
          <TableHeader>Status</TableHeader>
          <TableHeader>Reviewed</TableHeader>
        </tr>
      </TableHead>
      <tbody>
        {entries.map((entry) => {
          const entryActions = actions(entry);
          return (
            <Fragment key={entry.id}>
              <TableRow className={entryActions ? "border-b-0" : undefined} data-testid="savings-entry" data-entry-id={entry.id}>
                {where && <TableCell className="min-w-48">{where.cell(entry)}</TableCell>}
                <TableHeader scope="row" numeric className="font-semibold">
                  {formatCents(entry.amountCents)}
                </TableHeader>
                <TableCell>{SAVINGS_CATEGORY_LABELS[entry.category]}</TableCell>
                <TableCell>
                  {SAVINGS_RECURRENCE_LABELS[entry.recurrence]}
                  <Detail>{entry.periodStart && entry.periodEnd && <Period start={entry.periodStart} end={entry.periodEnd} />}</Detail>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {formatDay(entry.reportedOn)}
                  <Detail>{entry.reportedByName && `by ${entry.reportedByName}`}</Detail>
                </TableCell>
                <TableCell className={longText}>{entry.method}</TableCell>
                <TableCell className={longText}>{entry.evidence ?? "—"}</TableCell>
                <TableCell>
                  <StatusBadge kind="savings" status={entry.status} size="sm" />
                  <Detail>{entry.rejectionReason && `Reason: ${entry.rejectionReason}`}</Detail>
                </TableCell>
                <TableCell>
                  {entry.reviewedByName ?? "—"}
                  <Detail>{entry.reviewedAt && formatDay(entry.reviewedAt)}</Detail>
                  <Detail>
                    <TextLink href={savingsHistoryHref(entry.projectId, entry.id)} className="no-print" aria-label={`History of the entry of ${formatCents(entry.amountCents)}`}>
                      History
                    </TextLink>
                  </Detail>
                </TableCell>
              </TableRow>
              {entryActions && (
                <TableRow>
                  <TableCell colSpan={columnCount} className="no-print pb-3">
                    {/* Held at the left edge of the scrolling table, no wider than the screen: on a phone the forms stay in view. */}
                    <div className="sticky left-0 max-w-[calc(100vw-5rem)]">{entryActions}</div>
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </Table>
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
