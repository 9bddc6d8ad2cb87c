/**
 * A chart's legend drawn by us, not by Recharts: Recharts writes each name in its
 * series colour (yellow on white cannot be read) and sorts the names
 * alphabetically. Here the names are slate text in the series' order, each beside
 * a swatch in its colour — a square for bars, a short line with its dash pattern
 * for lines. Swatches are SVG, so they print even without background graphics.
 */
export type LegendItem = { name: string; color: string; shape: "square" | "line"; dash?: string };

export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul aria-label="Legend" className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700" data-testid="chart-legend">
      {items.map((item) => (
        <li key={item.name} className="flex items-center gap-1.5">
          <Swatch item={item} />
          <span>{item.name}</span>
        </li>
      ))}
    </ul>
  );
}

function Swatch({ item }: { item: LegendItem }) {
  if (item.shape === "line") {
    return (
      <svg width="24" height="12" viewBox="0 0 24 12" aria-hidden="true" className="shrink-0" data-testid="legend-swatch">
        <line x1="1" y1="6" x2="23" y2="6" stroke={item.color} strokeWidth="2.5" strokeDasharray={item.dash} />
      </svg>
    );
  }
  // A thin dark outline keeps light colours (yellow, sky blue) visible on white.
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="shrink-0" data-testid="legend-swatch">
      <rect x="0.5" y="0.5" width="11" height="11" fill={item.color} stroke="#334155" strokeOpacity="0.5" />
    </svg>
  );
}
