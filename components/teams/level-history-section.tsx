import { LevelHistoryChart } from "@/components/charts/lazy";
import { Card } from "@/components/ui/card";
import { ChartData } from "@/components/ui/chart-data";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LevelPoint } from "@/lib/data/team-history";
import { formatLevel } from "@/lib/format";

/** The level chart with its data as a table for anyone who cannot read the chart. */
export function LevelHistorySection({ history, teamName }: { history: LevelPoint[]; teamName: string }) {
  return (
    <Card id="level-history" title="Level by quarter" description="Final quarterly ratings only; a gap means the quarter has no final rating.">
      <LevelHistoryChart rows={history} label={`Step chart of ${teamName}'s final Path to Performance level by quarter`} />
      <ChartData>
        <Table caption="Final level by quarter" className="w-auto" data-testid="level-history-table">
          <TableHead>
            <tr>
              <TableHeader>Quarter</TableHeader>
              <TableHeader>Level</TableHeader>
            </tr>
          </TableHead>
          <tbody>
            {history.map((point) => (
              <TableRow key={point.quarter}>
                <TableHeader scope="row">{point.quarter}</TableHeader>
                <TableCell>{point.level === null ? "— (no final rating)" : formatLevel(point.level)}</TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </ChartData>
    </Card>
  );
}
