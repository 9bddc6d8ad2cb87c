import { DimensionRadarChart } from "@/components/charts/lazy";
import { Card } from "@/components/ui/card";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DimensionLevel } from "@/lib/data/team-history";
import { formatQuarter, type Quarter } from "@/lib/domain/quarter";
import { formatLevel } from "@/lib/format";

/** The seven dimensions of the latest final rating, as a radar and as a table. */
export function DimensionLevelsSection({ dimensions, quarter, teamName }: { dimensions: DimensionLevel[]; quarter: Quarter; teamName: string }) {
  return (
    <Card
      id="dimensions"
      title={`Dimensions, ${formatQuarter(quarter)}`}
      description="The team's level is its lowest dimension: a level is reached only when every dimension reaches it."
    >
      <div className="grid items-center gap-6 md:grid-cols-2">
        <DimensionRadarChart dimensions={dimensions} label={`Radar chart of ${teamName}'s level in each of the seven dimensions`} />
        <Table caption={`Level in each dimension, ${formatQuarter(quarter)}`} data-testid="dimension-table">
          <TableHead>
            <tr>
              <TableHeader>Dimension</TableHeader>
              <TableHeader>Level</TableHeader>
            </tr>
          </TableHead>
          <tbody>
            {dimensions.map((entry) => (
              <TableRow key={entry.dimension}>
                <TableHeader scope="row">{entry.label}</TableHeader>
                <TableCell>{formatLevel(entry.level)}</TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      </div>
    </Card>
  );
}
