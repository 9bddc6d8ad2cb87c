/** The stacked level chart's height: a bar per row, thinner on paper (fixed `width`), so a region's thirty facilities fit one page. */
export function stackedLevelChartHeight({ rows, width }: { rows: readonly unknown[]; width?: number }): number {
  return Math.max(140, (width ? 28 : 40) * rows.length + 48);
}
