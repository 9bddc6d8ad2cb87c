"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatCell } from "@/lib/reports/table-model";
import { ChartFrame } from "./chart-frame";
import { seriesStyle } from "./palette";

export type BarSeries = { key: string; name: string };
export type BarRow = { name: string } & Record<string, number | null | string>;
export type BarValueKind = "count" | "cents" | "decimal";

/** Compact axis labels: $1.2M rather than $1,234,567.00. */
function formatTick(kind: BarValueKind, value: number): string {
  const amount = kind === "cents" ? value / 100 : value;
  const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(amount);
  return kind === "cents" ? `$${compact}` : compact;
}

/**
 * Bars side by side per category, one colour per series (Okabe–Ito, named in the
 * legend). `width` fixes the size for print, where a responsive chart cannot measure.
 */
export function GroupedBarChart({
  rows,
  series,
  kind,
  label,
  width,
}: {
  rows: BarRow[];
  series: BarSeries[];
  kind: BarValueKind;
  label: string;
  width?: number;
}) {
  return (
    <ChartFrame label={label} height={300} width={width}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
        <YAxis tickFormatter={(value: number) => formatTick(kind, value)} tick={{ fontSize: 12 }} width={64} />
        <Tooltip formatter={(value) => (typeof value === "number" ? formatCell(kind, value) : "—")} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((entry, index) => (
          <Bar key={entry.key} dataKey={entry.key} name={entry.name} fill={seriesStyle(index).color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
