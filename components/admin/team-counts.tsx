import { TableCell, TableHeader } from "@/components/ui/table";
import type { TeamCounts } from "@/lib/data/organisation";
import { formatCount } from "@/lib/format";

/** The two team columns of the organisation's tables, headed and filled alike on every level. */
export function TeamCountHeaders() {
  return (
    <>
      <TableHeader numeric>Active teams</TableHeader>
      <TableHeader numeric>Retired teams</TableHeader>
    </>
  );
}

export function TeamCountCells({ counts }: { counts: TeamCounts }) {
  return (
    <>
      <TableCell numeric>{formatCount(counts.activeTeams)}</TableCell>
      <TableCell numeric>{formatCount(counts.retiredTeams)}</TableCell>
    </>
  );
}
