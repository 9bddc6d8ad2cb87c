import { Card } from "@/components/ui/card";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Actor } from "@/lib/auth/permissions";
import { getTeamEngagement } from "@/lib/data/engagement";
import { ENGAGEMENT_DEFINITION } from "@/lib/domain/engagement";
import { currentQuarter, formatQuarter } from "@/lib/domain/quarter";
import { formatCount, formatEngagement, formatPercent } from "@/lib/format";

/** The team member engagement dimension, measured from the roster: this quarter, then the quarters before. */
export async function TeamEngagement({ actor, teamId }: { actor: Actor; teamId: string }) {
  const quarters = await getTeamEngagement(actor, teamId, currentQuarter());
  const current = quarters.at(-1)!;
  return (
    <Card id="engagement" title="Team member engagement" description={ENGAGEMENT_DEFINITION}>
      <p>
        <span className="text-sm text-slate-600">{formatQuarter(current.quarter)} so far: </span>
        <span className="text-xl font-semibold" data-testid="engagement-current">
          {formatEngagement(current)}
        </span>
      </p>
      <Table caption="Roster members engaged per quarter, newest first" data-testid="engagement-history">
        <TableHead>
          <tr>
            <TableHeader>Quarter</TableHeader>
            <TableHeader numeric>Engaged</TableHeader>
            <TableHeader numeric>On the roster</TableHeader>
            <TableHeader numeric>Share</TableHeader>
          </tr>
        </TableHead>
        <tbody>
          {[...quarters].reverse().map((row) => (
            <TableRow key={row.quarter}>
              <TableHeader scope="row">{formatQuarter(row.quarter)}</TableHeader>
              <TableCell numeric>{formatCount(row.engaged)}</TableCell>
              <TableCell numeric>{formatCount(row.rosterMembers)}</TableCell>
              <TableCell numeric>{row.percent === null ? "No roster" : formatPercent(row.percent)}</TableCell>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
