"use client";

import { cloneElement, type ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { ChartLegend, type LegendItem } from "./chart-legend";

// A fixed-size chart's SVG scales down with its box (its viewBox keeps the proportions).
const SCALE_TO_BOX = "[&_.recharts-wrapper]:h-full! [&_.recharts-wrapper]:w-full! [&_svg.recharts-surface]:h-full [&_svg.recharts-surface]:w-full";

/**
 * A chart in a labelled figure, with its legend below it. Responsive on screen;
 * with `width` (print) drawn at that fixed size, since the responsive container
 * cannot measure a printed page — and scaled down to a narrower screen, so the
 * printable report does not make a phone scroll sideways. `onWidth` reports the
 * chart's width whenever it changes (for axes that label fewer ticks when narrow).
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
    <figure aria-label={label} className="w-full min-w-0">
      {width ? (
        <div className={`w-full ${SCALE_TO_BOX}`} style={{ maxWidth: width, aspectRatio: `${width} / ${height}` }}>
          {cloneElement(children, { width, height })}
        </div>
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
