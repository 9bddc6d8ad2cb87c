"use client";

import { useState } from "react";
import { quarterTicks } from "@/lib/domain/overview";
import type { Quarter } from "@/lib/domain/quarter";

// Room for a "2021-Q2" label and a gap before the next one.
const TICK_SPACING = 72;

/**
 * The quarter labels a time axis has room for, evenly spaced (every quarter, or every 2nd,
 * 4th…), from the chart's measured width less what is not the plot (`reserved(width)`: the
 * value axis and margins). Before the first measurement, and on paper, `fixedWidth` or a
 * desktop card's.
 */
export function useQuarterTicks(quarters: readonly Quarter[], reserved: (width: number) => number, fixedWidth?: number) {
  const [width, setWidth] = useState(fixedWidth ?? 960);
  return { width, onWidth: setWidth, ticks: quarterTicks(quarters, Math.floor((width - reserved(width)) / TICK_SPACING) + 1) };
}
