import { DimensionRadarChart } from "@/components/charts/dimension-radar-chart";
import type { DimensionLevel } from "@/lib/data/team-history";
import { formatQuarter, type Quarter } from "@/lib/domain/quarter";
import { formatLevel } from "@/lib/format";

/** The seven dimensions of the latest final rating, as a radar and as a table. */
export function DimensionLevelsSection({ dimensions, quarter, teamName }: { dimensions: DimensionLevel[]; quarter: Quarter; teamName: string }) {
  return (
    <section aria-labelledby="dimensions-title" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="dimensions-title" className="text-lg font-semibold">
        Dimensions, {formatQuarter(quarter)}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The team&apos;s level is its lowest dimension: a level is reached only when every dimension reaches it.
      </p>
      <div className="mt-4 grid items-center gap-6 md:grid-cols-2">
        <DimensionRadarChart dimensions={dimensions} label={`Radar chart of ${teamName}'s level in each of the seven dimensions`} />
        <table className="w-full border-collapse text-left text-sm" data-testid="dimension-table">
          <caption className="sr-only">Level in each dimension, {formatQuarter(quarter)}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4 font-semibold">Dimension</th>
              <th scope="col" className="py-2 font-semibold">Level</th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((entry) => (
              <tr key={entry.dimension} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-4 font-medium">{entry.label}</th>
                <td className="py-2">{formatLevel(entry.level)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
