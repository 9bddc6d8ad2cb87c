import Link from "next/link";
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
    <div className="mt-3 overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-2 pr-4 font-semibold">Team</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Code</th>
            <th scope="col" className="py-2 pr-4 font-semibold">{formatQuarter(previousQuarter)}</th>
            <th scope="col" className="py-2 pr-4 font-semibold">{formatQuarter(quarter)}</th>
            {showChange && <th scope="col" className="py-2 font-semibold">Change</th>}
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.teamId} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-4 font-medium">
                <Link href={`/teams/${team.teamId}`} className="text-brand-700 underline">
                  {team.name}
                </Link>
              </th>
              <td className="py-1.5 pr-4 tabular-nums">{team.code}</td>
              <td className="py-1.5 pr-4">{level(team.previousLevel)}</td>
              <td className="py-1.5 pr-4">{level(team.level)}</td>
              {showChange && <td className="py-1.5 tabular-nums">{team.change ? formatLevelChange(team.change) : ""}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
