import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { MovementTeam } from "@/lib/data/movement";
import type { LevelChange } from "@/lib/domain/movement";
import { formatQuarter, type Quarter } from "@/lib/domain/quarter";
import { formatLevel, formatLevelChange } from "@/lib/format";

/** Teams with their final level in two quarters ("—" where a quarter has none), each linking to its page. */
export function TeamLevelsTable({
  teams,
  caption,
  previousQuarter,
  quarter,
}: {
  teams: (MovementTeam & { change?: LevelChange })[];
  caption: string;
  previousQuarter: Quarter;
  quarter: Quarter;
}) {
  const showChange = teams.some((team) => team.change);
  const level = (value: number | null) => (value === null ? "—" : formatLevel(value));
  return (
    <Table caption={caption} className="min-w-[36rem]">
      <TableHead>
        <tr>
          <TableHeader>Team</TableHeader>
          <TableHeader>Code</TableHeader>
          <TableHeader>{formatQuarter(previousQuarter)}</TableHeader>
          <TableHeader>{formatQuarter(quarter)}</TableHeader>
          {showChange && <TableHeader>Change</TableHeader>}
        </tr>
      </TableHead>
      <tbody>
        {teams.map((team) => (
          <TableRow key={team.teamId}>
            <TableHeader scope="row">
              <TextLink href={`/teams/${team.teamId}`}>{team.name}</TextLink>
            </TableHeader>
            <TableCell className="tabular-nums">{team.code}</TableCell>
            <TableCell>{level(team.previousLevel)}</TableCell>
            <TableCell>{level(team.level)}</TableCell>
            {showChange && <TableCell className="tabular-nums">{team.change ? formatLevelChange(team.change) : ""}</TableCell>}
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
