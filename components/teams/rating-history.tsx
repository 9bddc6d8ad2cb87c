import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { RatingEntry, SignoffEntry } from "@/lib/data/team-history";
import { ROLE_LABELS } from "@/lib/domain/roles";
import type { RoleKind, SponsorSide } from "@/lib/generated/prisma/enums";
import { formatDay, formatLevel } from "@/lib/format";

const SIDE_ROLES: Record<SponsorSide, RoleKind> = { UNION: "UNION_SPONSOR", MANAGEMENT: "MANAGEMENT_SPONSOR" };

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

function SignoffList({ signoffs }: { signoffs: SignoffEntry[] }) {
  return (
    <ul className="space-y-1">
      {signoffs.map((signoff) => (
        <li key={signoff.id} className={signoff.voided ? "text-slate-500" : "text-slate-800"} data-voided={signoff.voided || undefined}>
          {signoff.voided && (
            <Badge size="sm" className="mr-1">
              Voided
            </Badge>
          )}
          {ROLE_LABELS[SIDE_ROLES[signoff.side]]} {signoff.personName}: {signoff.decision === "SIGNED" ? "signed" : "disagreed"}
          {" on "}
          <time dateTime={signoff.signedAt.toISOString()}>{formatDay(signoff.signedAt)}</time>
          {signoff.reason && <span className="block pl-4 italic">“{signoff.reason}”</span>}
        </li>
      ))}
    </ul>
  );
}
