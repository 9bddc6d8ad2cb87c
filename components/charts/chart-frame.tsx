"use client";

import { cloneElement, type ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/**
 * A chart in a labelled figure: responsive on screen, or with `width` (print) at a
 * fixed size, since the responsive container cannot measure a printed page.
 */
export function ChartFrame({ label, height, width, children }: { label: string; height: number; width?: number; children: ReactElement<{ width?: number; height?: number }> }) {
  return (
    <figure aria-label={label} className="w-full" style={{ height }}>
      {width ? cloneElement(children, { width, height }) : <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>}
    </figure>
  );
}
