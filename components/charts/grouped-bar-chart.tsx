"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Text, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from "recharts";
import { axisTicks } from "@/lib/domain/overview";
import { formatAxisTick, formatCell, smallestAxisStep, type AxisKind } from "@/lib/reports/table-model";
import { ChartFrame } from "./chart-frame";
import { seriesStyle } from "./palette";

export type BarSeries = { key: string; name: string };
export type BarRow = { name: string } & Record<string, number | null | string>;
export type BarValueKind = AxisKind;

/** A category's name wrapped to its share of the axis, so long names do not run into each other on a phone. */
function CategoryTick({ x, y, payload, width, visibleTicksCount }: XAxisTickContentProps) {
  const band = Number(width) / Math.max(1, visibleTicksCount);
  return (
    <Text x={Number(x)} y={Number(y)} width={Math.max(40, band - 6)} maxLines={3} textAnchor="middle" verticalAnchor="start" fontSize={12} fill="#475569">
      {String(payload.value)}
    </Text>
  );
}

// Below this much width per category, names no longer fit under their bars: the bars turn sideways.
const MIN_CATEGORY_WIDTH = 96;

/**
 * Bars side by side per category, one colour per series (Okabe–Ito, named in the
 * legend). The value axis has ticks from lib: whole numbers for counts, and never
 * two ticks that read the same. Where the categories' names would not fit under
 * their bars (a phone), the bars run sideways with the names beside them. `width`
 * fixes the size for print, where a responsive chart cannot measure.
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
  const [frameWidth, setFrameWidth] = useState(width ?? 0);
  const values = rows.flatMap((row) => series.map((entry) => row[entry.key])).filter((value): value is number => typeof value === "number");
  const ticks = axisTicks(Math.max(0, ...values), { minStep: smallestAxisStep(kind) });
  const sideways = frameWidth > 0 && frameWidth / Math.max(1, rows.length) < MIN_CATEGORY_WIDTH;
  const valueAxis = {
    type: "number" as const,
    domain: [0, ticks.at(-1)!],
    ticks,
    interval: 0 as const,
    tickFormatter: (value: number) => formatAxisTick(kind, value),
    tick: { fontSize: 12 },
  };
  return (
    <ChartFrame
      label={label}
      height={sideways ? Math.max(200, rows.length * (12 * series.length + 16) + 48) : 300}
      width={width}
      onWidth={setFrameWidth}
      legend={series.map((entry, index) => ({ name: entry.name, color: seriesStyle(index).color, shape: "square" }))}
    >
      <BarChart data={rows} layout={sideways ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={sideways} horizontal={!sideways} />
        {sideways ? (
          <>
            <XAxis {...valueAxis} />
            <YAxis type="category" dataKey="name" tick={{ fontSize: 12 }} interval={0} width={96} />
          </>
        ) : (
          <>
            <XAxis type="category" dataKey="name" tick={CategoryTick} interval={0} height={48} />
            <YAxis {...valueAxis} width={56} />
          </>
        )}
        <Tooltip formatter={(value) => (typeof value === "number" ? formatCell(kind, value) : "—")} />
        {series.map((entry, index) => (
          <Bar key={entry.key} dataKey={entry.key} name={entry.name} fill={seriesStyle(index).color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
