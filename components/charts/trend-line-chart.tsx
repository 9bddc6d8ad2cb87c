"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Quarter } from "@/lib/domain/quarter";
import { ChartFrame } from "./chart-frame";
import { seriesStyle } from "./palette";
import { useQuarterTicks } from "./use-quarter-ticks";

export type TrendSeries = { key: string; name: string };
export type TrendRow = { quarter: Quarter } & Record<string, number | null | string>;

const PERCENT_TICKS = [0, 25, 50, 75, 100];
const Y_AXIS_WIDTH = 48;
const MARGIN = { top: 8, right: 28, bottom: 8, left: 0 };

/**
 * Percent lines over quarters, one per series; gaps stay gaps (no data is not 0 %).
 * The rows run quarter by quarter without gaps, and the axis labels every quarter,
 * or every 2nd, 4th… as the width allows: evenly spaced, never one squeezed in.
 */
export function TrendLineChart({ series, rows, label, width }: { series: TrendSeries[]; rows: TrendRow[]; label: string; width?: number }) {
  const { ticks, onWidth } = useQuarterTicks(
    rows.map((row) => row.quarter),
    () => Y_AXIS_WIDTH + MARGIN.left + MARGIN.right,
    width,
  );
  return (
    <ChartFrame
      label={label}
      height={300}
      width={width}
      onWidth={onWidth}
      legend={series.map((entry, index) => ({ name: entry.name, color: seriesStyle(index).color, dash: seriesStyle(index).dash, shape: "line" }))}
    >
      <LineChart data={rows} margin={MARGIN} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="quarter" ticks={ticks} interval={0} tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} ticks={PERCENT_TICKS} interval={0} tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 12 }} width={Y_AXIS_WIDTH} />
        <Tooltip formatter={(value) => (typeof value === "number" ? `${value}%` : "—")} />
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
