import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { QueueItem } from "@/lib/data/sponsor-queue";
import { formatQuarter } from "@/lib/domain/quarter";
import { SIDE_LABELS } from "@/lib/domain/rating-workflow";
import { formatLevel } from "@/lib/format";

/** The teams a sponsor rates, most urgent first, each one click from its rating. */
export function SponsorQueue({ items }: { items: QueueItem[] }) {
  if (items.length === 0) return <EmptyState title="You sponsor no teams at the moment" />;
  return (
    <Table caption="Teams you sponsor and their rating status" className="min-w-[40rem]" data-testid="sponsor-queue">
      <TableHead>
        <tr>
          <TableHeader>Team</TableHeader>
          <TableHeader>Quarter</TableHeader>
          <TableHeader>Status</TableHeader>
          <TableHeader>Level</TableHeader>
          <TableHeader>
            <span className="sr-only">Action</span>
          </TableHeader>
        </tr>
      </TableHead>
      <tbody>
        {items.map((item) => (
          <TableRow key={`${item.teamId}-${item.quarter}`} className="align-middle" data-team-code={item.teamCode}>
            <TableHeader scope="row">
              <TextLink href={`/teams/${item.teamId}`}>{item.teamName}</TextLink>
              <span className="block text-xs font-normal text-slate-600">
                {item.teamCode} · you sign for the {SIDE_LABELS[item.side]} side
              </span>
            </TableHeader>
            <TableCell>
              <span className="whitespace-nowrap">{formatQuarter(item.quarter)}</span>
              {item.overdue && (
                <Badge tone="alert" size="sm" className="ml-2">
                  Overdue
                </Badge>
              )}
            </TableCell>
            <TableCell>
              <StatusBadge kind="rating" status={item.status} signoffs={item.signoffs} />
            </TableCell>
            <TableCell>{item.level === null ? "—" : formatLevel(item.level)}</TableCell>
            <TableCell className="pr-0 text-right">
              <Button asChild size="sm">
                <Link href={`/teams/${item.teamId}/ratings/${item.quarter}`}>
                  {item.status === "NOT_STARTED" ? "Rate" : item.awaitsMe ? "Review and sign" : "Open"}
                  <span className="sr-only"> {item.teamName}</span>
                </Link>
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
