import { SignoffList } from "@/components/ratings/signoff-list";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { RatingEntry } from "@/lib/data/team-history";
import { formatLevel } from "@/lib/format";

/** Ratings newest first, each linking to its rating page, with every sign-off (voided ones kept as history). */
export function RatingHistory({ teamId, ratings, selfAssessment = false, testId }: { teamId: string; ratings: RatingEntry[]; selfAssessment?: boolean; testId: string }) {
  return (
    <Table caption={`${selfAssessment ? "Self-assessments" : "Quarterly ratings"}, newest first`} className="min-w-[40rem]" data-testid={testId}>
      <TableHead>
        <tr>
          <TableHeader>Quarter</TableHeader>
          <TableHeader>Status</TableHeader>
          <TableHeader>Level</TableHeader>
          <TableHeader>Sign-offs</TableHeader>
        </tr>
      </TableHead>
      <tbody>
        {ratings.map((rating) => (
          <TableRow key={rating.id}>
            <TableHeader scope="row">
              <TextLink href={`/teams/${teamId}/ratings/${rating.quarter}${selfAssessment ? "?kind=self" : ""}`}>{rating.quarter}</TextLink>
            </TableHeader>
            <TableCell>
              <StatusBadge kind="rating" status={rating.status} signoffs={rating.signoffs.filter((signoff) => !signoff.voided)} size="sm" />
            </TableCell>
            <TableCell>{formatLevel(rating.level)}</TableCell>
            <TableCell>{rating.signoffs.length === 0 ? <span className="text-slate-600">None yet</span> : <SignoffList signoffs={rating.signoffs} />}</TableCell>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
