"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { LEVELS } from "@/lib/domain/path-to-performance";
import { ChartFrame } from "./chart-frame";

// Orange (low) to blue (high): a diverging pair from Okabe–Ito that stays apart with
// every common colour-vision deficiency; the white gaps between segments and the
// legend's order carry the level without colour too.
const LEVEL_COLOURS = ["#D55E00", "#E69F00", "#F0E442", "#56B4E9", "#0072B2"] as const;

export type LevelShareRow = { name: string; shares: (number | null)[] };

/** Each place's rated teams as one 100 % bar split by level (shares come from lib, rounded to whole percents). */
export function StackedLevelChart({ rows, label, width }: { rows: LevelShareRow[]; label: string; width?: number }) {
  const data = rows.map((row) => ({ name: row.name, ...Object.fromEntries(row.shares.map((share, index) => [`level${index + 1}`, share])) }));
  const height = Math.max(160, 40 * rows.length + 80);
  return (
    <ChartFrame label={label} height={height} width={width}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" tick={{ fontSize: 12 }} width={150} />
        <Tooltip formatter={(value) => (typeof value === "number" ? `${value}%` : "—")} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
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
