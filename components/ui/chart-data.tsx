/**
 * A chart's data as a table, for anyone who cannot read the chart: behind a disclosure
 * on screen, so pages stay short.
 */
export function ChartData({ children }: { children: React.ReactNode }) {
  return (
    <details className="min-w-0">
      <summary className="no-print inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline underline-offset-2">
        Show the chart&apos;s data as a table
      </summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}
