const countFormat = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** A whole percent, or an em dash where there is no data (never a misleading 0). */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${value}%`;
}
