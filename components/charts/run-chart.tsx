"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type DotItemDotProps } from "recharts";
import { ChartFrame } from "./chart-frame";
import type { RunChart as RunChartModel } from "@/lib/domain/run-chart";
import { formatCount } from "@/lib/format";
import { seriesStyle } from "./palette";

type Point = { date: string; value: number };

// Data, median and target differ in colour and in dash pattern, so they read without colour too.
const DATA = seriesStyle(0);
const MEDIAN = seriesStyle(1);
const TARGET = seriesStyle(2);
// Points in a shift are squares as well as orange: the shape tells them apart without colour.
const SHIFT_COLOR = seriesStyle(4).color;

/** A measure over time with its median and target; points in a shift are marked. Needs at least one point. */
export function RunChart({ chart, unit, label }: { chart: RunChartModel<Point>; unit: string; label: string }) {
  return (
    <ChartFrame label={label} height={288}>
      <LineChart data={chart.points} margin={{ top: 16, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="date" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis domain={["auto", "auto"]} tickFormatter={(value: number) => formatCount(value)} tick={{ fontSize: 12 }} width={64} />
        <Tooltip formatter={(value) => (typeof value === "number" ? `${formatCount(value)} ${unit}` : "—")} />
        {chart.median !== null && (
          <ReferenceLine
            y={chart.median}
            stroke={MEDIAN.color}
            strokeDasharray={MEDIAN.dash}
            strokeWidth={1.5}
            ifOverflow="extendDomain"
            label={{ value: "Median", position: "insideBottomLeft", fill: MEDIAN.color, fontSize: 12 }}
          />
        )}
        {chart.target !== null && (
          <ReferenceLine
            y={chart.target}
            stroke={TARGET.color}
            strokeDasharray={TARGET.dash}
            strokeWidth={1.5}
            // The target stays in view even while the data is far from it.
            ifOverflow="extendDomain"
            // Labels on the left, the target's above its line and the median's below, so they never collide.
            label={{ value: "Target", position: "insideTopLeft", fill: TARGET.color, fontSize: 12 }}
          />
        )}
        <Line
          type="linear"
          dataKey="value"
          name="Value"
          stroke={DATA.color}
          strokeDasharray={DATA.dash}
          strokeWidth={2}
          dot={PointDot}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}

function PointDot({ cx, cy, payload }: DotItemDotProps) {
  if (cx === undefined || cy === undefined) return null;
  if ((payload as { inShift: boolean }).inShift) {
    return <rect x={cx - 4.5} y={cy - 4.5} width={9} height={9} fill={SHIFT_COLOR} stroke="#000" strokeWidth={0.5} />;
  }
  return <circle cx={cx} cy={cy} r={3.5} fill={DATA.color} />;
}
