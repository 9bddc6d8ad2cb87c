"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { LEVELS } from "@/lib/domain/path-to-performance";
import type { Quarter } from "@/lib/domain/quarter";
import { formatLevel } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { seriesStyle } from "./palette";
import { useQuarterTicks } from "./use-quarter-ticks";

export type LevelHistoryRow = { quarter: Quarter; level: number | null };

const LEVEL_TICKS = LEVELS.map((entry) => entry.level);
// Wide enough for "5 · High Performing" on one line; on a phone the levels are numbers only.
const Y_AXIS_WIDTH = { full: 168, compact: 32 };
const COMPACT_BELOW = 480;
const MARGIN = { top: 16, right: 16, bottom: 8, left: 8 };

/**
 * A team's final level quarter by quarter, as steps (a level holds until the next rating);
 * gaps stay gaps. Quarter labels evenly spaced, as many as the width allows (as on the trend).
 */
export function LevelHistoryChart({ rows, label }: { rows: LevelHistoryRow[]; label: string }) {
  const style = seriesStyle(0);
  const yAxisWidth = (width: number) => (width < COMPACT_BELOW ? Y_AXIS_WIDTH.compact : Y_AXIS_WIDTH.full);
  const { width, ticks, onWidth } = useQuarterTicks(
    rows.map((row) => row.quarter),
    (frame) => yAxisWidth(frame) + MARGIN.left + MARGIN.right,
  );
  const compact = width < COMPACT_BELOW;
  return (
    <ChartFrame label={label} height={288} onWidth={onWidth}>
      <LineChart data={rows} margin={MARGIN} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="quarter" ticks={ticks} interval={0} tick={{ fontSize: 12 }} />
        <YAxis
          domain={[LEVEL_TICKS[0]!, LEVEL_TICKS.at(-1)!]}
          ticks={LEVEL_TICKS}
          allowDecimals={false}
          tickFormatter={(level: number) => (compact ? String(level) : formatLevel(level))}
          tick={{ fontSize: 12 }}
          width={yAxisWidth(width)}
        />
        <Tooltip formatter={(value) => (typeof value === "number" ? formatLevel(value) : "—")} />
        <Line
          type="stepAfter"
          dataKey="level"
          name="Level"
          stroke={style.color}
          strokeDasharray={style.dash}
          strokeWidth={2}
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
