import { LevelHistoryChart } from "@/components/charts/level-history-chart";
import type { LevelPoint } from "@/lib/data/team-history";
import { formatLevel } from "@/lib/format";

/** The level chart with its data as a table for anyone who cannot read the chart. */
export function LevelHistorySection({ history, teamName }: { history: LevelPoint[]; teamName: string }) {
  return (
    <section aria-labelledby="level-history-title" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="level-history-title" className="text-lg font-semibold">
        Level by quarter
      </h2>
      <p className="mt-1 text-sm text-slate-600">Final quarterly ratings only; a gap means the quarter has no final rating.</p>
      <LevelHistoryChart rows={history} label={`Step chart of ${teamName}'s final Path to Performance level by quarter`} />
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Show the chart&apos;s data as a table</summary>
        <table className="mt-3 border-collapse text-left text-sm" data-testid="level-history-table">
          <caption className="sr-only">Final level by quarter</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-6">Quarter</th>
              <th scope="col" className="py-1">Level</th>
            </tr>
          </thead>
          <tbody>
            {history.map((point) => (
              <tr key={point.quarter} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-6 font-medium">{point.quarter}</th>
                <td className="py-1">{point.level === null ? "— (no final rating)" : formatLevel(point.level)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
