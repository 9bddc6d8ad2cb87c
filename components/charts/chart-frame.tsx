"use client";

import { cloneElement, type ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { ChartLegend, type LegendItem } from "./chart-legend";

/**
 * A chart in a labelled figure, with its legend below it. Responsive on screen;
 * with `width` (print) drawn at that fixed size, since the responsive container
 * cannot measure a printed page. `onWidth` reports the chart's width whenever it
 * changes (for axes that label fewer ticks when narrow).
 */
export function ChartFrame({
  label,
  height,
  width,
  legend,
  onWidth,
  children,
}: {
  label: string;
  height: number;
  width?: number;
  legend?: readonly LegendItem[];
  onWidth?: (width: number) => void;
  children: ReactElement<{ width?: number; height?: number }>;
}) {
  return (
    <figure aria-label={label} className="w-full">
      {width ? (
        <div style={{ height }}>{cloneElement(children, { width, height })}</div>
      ) : (
        <div style={{ height }}>
          <ResponsiveContainer width="100%" height="100%" onResize={onWidth ? (measured) => onWidth(measured) : undefined}>
            {children}
          </ResponsiveContainer>
        </div>
      )}
      {legend && legend.length > 0 && <ChartLegend items={legend} />}
    </figure>
  );
}
