"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { LEVELS } from "@/lib/domain/path-to-performance";
import { ChartFrame } from "./chart-frame";
import { stackedLevelChartHeight } from "./chart-heights";

// Orange (low) to blue (high): a diverging pair from Okabe–Ito that stays apart with
// every common colour-vision deficiency; the white gaps between segments and the
// legend's order carry the level without colour too.
const LEVEL_COLOURS = ["#D55E00", "#E69F00", "#F0E442", "#56B4E9", "#0072B2"] as const;

// The bars are shares that add up to exactly 100: the axis ends there.
const PERCENT_TICKS = [0, 25, 50, 75, 100];

export type LevelShareRow = { name: string; shares: (number | null)[] };

/**
 * Each place's rated teams as one 100 % bar split by level. The shares come from
 * lib as whole percents adding up to exactly 100 (lib/domain/overview.ts,
 * percentsSummingTo100), so no bar ends at 99 or 101.
 */
export function StackedLevelChart({ rows, label, width }: { rows: LevelShareRow[]; label: string; width?: number }) {
  const [frameWidth, setFrameWidth] = useState(width ?? 0);
  const data = rows.map((row) => ({ name: row.name, ...Object.fromEntries(row.shares.map((share, index) => [`level${index + 1}`, share])) }));
  // On paper a wider name column in a smaller type, so a name takes at most two lines of its bar.
  const height = stackedLevelChartHeight({ rows, width });
  const fontSize = width ? 11 : 12;
  // Place names wrap in a narrower column on a phone, leaving the bars room.
  const nameWidth = width ? 210 : frameWidth > 0 && frameWidth < 480 ? 96 : 150;
  return (
    <ChartFrame
      label={label}
      height={height}
      width={width}
      onWidth={setFrameWidth}
      legend={LEVELS.map((entry, index) => ({ name: `${entry.level} · ${entry.name}`, color: LEVEL_COLOURS[index]!, shape: "square" }))}
    >
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={PERCENT_TICKS} interval={0} tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" tick={{ fontSize }} interval={0} width={nameWidth} />
        <Tooltip formatter={(value) => (typeof value === "number" ? `${value}%` : "—")} />
        {LEVELS.map((entry, index) => (
          <Bar
            key={entry.level}
            dataKey={`level${entry.level}`}
            name={`${entry.level} · ${entry.name}`}
            stackId="levels"
            fill={LEVEL_COLOURS[index]}
            stroke="#ffffff"
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
