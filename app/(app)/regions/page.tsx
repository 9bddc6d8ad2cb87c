import type { Metadata } from "next";
import Link from "next/link";
import { TrendLineChart } from "@/components/charts/trend-line-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { QuarterForm } from "@/components/ui/quarter-form";
import { NotPermitted } from "@/components/ui/not-permitted";
import { isEmptyScope, scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getHighPerformingTrend, getRatedQuarters, getRegionalTable, trendRowsByQuarter } from "@/lib/data/regional-rollup";
import { chooseRatedQuarter, formatQuarter, isQuarterClosed } from "@/lib/domain/quarter";
import { getSavingsTotalsByRegion } from "@/lib/data/savings";
import { formatCents } from "@/lib/domain/money";
import { formatCount, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Regions" };

export default async function RegionsPage({ searchParams }: PageProps<"/regions">) {
  const user = await requireUser();
  if (isEmptyScope(scopeFor(user, "rollup.view"))) {
    return <NotPermitted what="The regional roll-up" who="partnership staff, administrators and UBT consultants" />;
  }

  const requested = (await searchParams).quarter;
  const ratedQuarters = await getRatedQuarters(user);
  if (ratedQuarters.length === 0) {
    return (
      <PageFrame>
        <EmptyState title="No final ratings yet">Once sponsors finalise a quarter&apos;s ratings, the table appears here.</EmptyState>
      </PageFrame>
    );
  }

  const { quarter, notice } = chooseRatedQuarter(requested, ratedQuarters);
  const [table, trend, savings] = await Promise.all([getRegionalTable(user, quarter), getHighPerformingTrend(user), getSavingsTotalsByRegion(user)]);
  // The open quarter's share moves daily while ratings are finalised; the trend shows closed quarters.
  const trendRows = trendRowsByQuarter(trend.filter((point) => isQuarterClosed(point.quarter)));
  const series = table.rows.map((row) => ({ key: row.regionId, name: row.name }));
  const stillRating = !isQuarterClosed(quarter);

  return (
    <PageFrame>
      <QuarterForm action="/regions" quarter={quarter} quarters={ratedQuarters} />
      {notice && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {notice}
        </p>
      )}

      <section aria-labelledby="table-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="table-title" className="text-lg font-semibold">
          Rated high performing, {formatQuarter(quarter)}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Teams with a final quarterly rating at level 4 (Operational) or 5 (High Performing) on the Path to Performance.
        </p>
        {stillRating && (
          <p className="mt-2 text-sm text-slate-700" data-testid="rating-progress">
            This quarter is still open: {formatCount(table.total.rated)} of {formatCount(table.total.teams)} teams have a final rating so far,
            and the figures will change as sponsors sign.
          </p>
        )}
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse text-left text-sm" data-testid="regional-table">
            <caption className="sr-only">High-performing teams by region, {formatQuarter(quarter)}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="py-2 pr-4 font-semibold">Region</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Members served</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">UBTs</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">High performing</th>
                <th scope="col" className="py-2 text-right font-semibold">Percent</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.regionId} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <Link href={`/regions/${row.slug}/movement?quarter=${quarter}`} className="text-brand-700 underline">
                      {row.name}
                    </Link>
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">{row.membersServed === null ? "—" : formatCount(row.membersServed)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{row.rated === 0 ? "—" : formatCount(row.rated)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{row.rated === 0 ? "—" : formatCount(row.highPerforming)}</td>
                  <td className="py-2 text-right tabular-nums">{formatPercent(row.percent)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-slate-300 font-semibold">
                <th scope="row" className="py-2 pr-4">Total</th>
                <td className="py-2 pr-4" />
                <td className="py-2 pr-4 text-right tabular-nums">{formatCount(table.total.rated)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCount(table.total.highPerforming)}</td>
                <td className="py-2 text-right tabular-nums">{formatPercent(table.total.percent)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="mt-3 text-xs text-slate-500">
          A dash means the region had no final ratings that quarter. Percentages are rounded to the nearest whole percent; the total is
          computed from the counts, not averaged.
        </p>
      </section>

      <section aria-labelledby="savings-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="savings-title" className="text-lg font-semibold">
          Savings reported by teams, all time
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Credited to the team that achieved them; reported includes validated, rejected entries are left out.
        </p>
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[32rem] border-collapse text-left text-sm" data-testid="region-savings">
            <caption className="sr-only">Savings reported and validated by region</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="py-2 pr-4 font-semibold">Region</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Reported</th>
                <th scope="col" className="py-2 text-right font-semibold">Validated</th>
              </tr>
            </thead>
            <tbody>
              {savings.rows.map((row) => (
                <tr key={row.regionId} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-4 font-medium">{row.name}</th>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatCents(row.totals.reported.totalCents)}</td>
                  <td className="py-2 text-right tabular-nums">{formatCents(row.totals.validated.totalCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-slate-300 font-semibold">
                <th scope="row" className="py-2 pr-4">Total</th>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCents(savings.total.reported.totalCents)}</td>
                <td className="py-2 text-right tabular-nums">{formatCents(savings.total.validated.totalCents)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="trend-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="trend-title" className="text-lg font-semibold">
          High-performing share over time
        </h2>
        <p className="mt-1 text-sm text-slate-600">Closed quarters only; a gap means a region had no final ratings that quarter.</p>
        <TrendLineChart series={series} rows={trendRows} label="Line chart of each region's high-performing percent by quarter" />
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Show the chart&apos;s data as a table</summary>
          <div className="mt-3 overflow-x-auto">
            <table className="border-collapse text-left text-xs">
              <caption className="sr-only">High-performing percent by region and quarter</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">Quarter</th>
                  {series.map((entry) => (
                    <th key={entry.key} scope="col" className="py-1 pr-3 text-right">{entry.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trendRows.map((row) => (
                  <tr key={row.quarter} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-3 font-medium">{row.quarter}</th>
                    {series.map((entry) => (
                      <td key={entry.key} className="py-1 pr-3 text-right tabular-nums">{formatPercent(row[entry.key] ?? null)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
    </PageFrame>
  );
}

function PageFrame({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Regions</h1>
      {children}
    </div>
  );
}
