/**
 * A chart's data as a table, for anyone who cannot read the chart: behind a disclosure
 * on screen, so pages stay short; bare on paper (`print`), where a closed disclosure
 * would hide it. `of` names the chart where several sit on one page.
 */
export function ChartData({ of, print = false, children }: { of?: string; print?: boolean; children: React.ReactNode }) {
  if (print) return <>{children}</>;
  return (
    <details className="min-w-0">
      <summary className="no-print inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline underline-offset-2">
        Show the chart&apos;s data as a table{of && <span className="sr-only">: {of}</span>}
      </summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}
