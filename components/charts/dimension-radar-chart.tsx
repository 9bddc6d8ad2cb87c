"use client";

import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from "recharts";
import { ChartFrame } from "./chart-frame";
import { formatLevel } from "@/lib/format";
import { LEVELS } from "@/lib/domain/path-to-performance";
import { seriesStyle } from "./palette";

/** One spoke per dimension; a null level (no level fully met) sits at the centre. */
export type DimensionPoint = { label: string; level: number | null };

const TOP_LEVEL = LEVELS.at(-1)!.level;

export function DimensionRadarChart({ dimensions, label }: { dimensions: DimensionPoint[]; label: string }) {
  const style = seriesStyle(0);
  const data = dimensions.map((entry) => ({ label: entry.label, level: entry.level ?? 0, levelText: formatLevel(entry.level) }));
  return (
    <ChartFrame label={label} height={320}>
      <RadarChart data={data} outerRadius="70%" accessibilityLayer>
        <PolarGrid stroke="#cbd5e1" />
        <PolarAngleAxis dataKey="label" tick={{ fontSize: 12 }} />
        <PolarRadiusAxis domain={[0, TOP_LEVEL]} tickCount={TOP_LEVEL + 1} allowDecimals={false} tick={{ fontSize: 10 }} angle={90} />
        <Tooltip formatter={(_value, _name, item) => (item.payload as (typeof data)[number]).levelText} />
        <Radar
          dataKey="level"
          name="Level"
          stroke={style.color}
          strokeDasharray={style.dash}
          fill={style.color}
          fillOpacity={0.25}
          isAnimationActive={false}
        />
      </RadarChart>
    </ChartFrame>
  );
}
