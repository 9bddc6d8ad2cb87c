"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { formatLevel } from "@/lib/format";
import { LEVELS } from "@/lib/domain/path-to-performance";
import { seriesStyle } from "./palette";

export type LevelHistoryRow = { quarter: string; level: number | null };

const LEVEL_TICKS = LEVELS.map((entry) => entry.level);

/** A team's final level quarter by quarter, as steps (a level holds until the next rating); gaps stay gaps. */
export function LevelHistoryChart({ rows, label }: { rows: LevelHistoryRow[]; label: string }) {
  const style = seriesStyle(0);
  return (
    <ChartFrame label={label} height={288}>
      <LineChart data={rows} margin={{ top: 16, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="quarter" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis
          domain={[LEVEL_TICKS[0]!, LEVEL_TICKS.at(-1)!]}
          ticks={LEVEL_TICKS}
          allowDecimals={false}
          tickFormatter={(level: number) => formatLevel(level)}
          tick={{ fontSize: 12 }}
          // Wide enough for "5 · High Performing" on one line.
          width={168}
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
