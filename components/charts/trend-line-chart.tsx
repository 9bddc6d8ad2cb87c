"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { seriesStyle } from "./palette";

export type TrendSeries = { key: string; name: string };
export type TrendRow = { quarter: string } & Record<string, number | null | string>;

/** Percent lines over quarters, one per series; gaps stay gaps (no data is not 0 %). */
export function TrendLineChart({ series, rows, label, width }: { series: TrendSeries[]; rows: TrendRow[]; label: string; width?: number }) {
  return (
    <ChartFrame label={label} height={320} width={width}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="quarter" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 12 }} width={48} />
        <Tooltip formatter={(value) => (typeof value === "number" ? `${value}%` : "—")} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((entry, index) => {
          const style = seriesStyle(index);
          return (
            <Line
              key={entry.key}
              type="monotone"
              dataKey={entry.key}
              name={entry.name}
              stroke={style.color}
              strokeDasharray={style.dash}
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          );
        })}
      </LineChart>
    </ChartFrame>
  );
}
