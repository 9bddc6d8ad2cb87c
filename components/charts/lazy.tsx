"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentType } from "react";
import { stackedLevelChartHeight } from "./chart-heights";

/**
 * The charts as pages use them. recharts is not in the first script bundle: a chart's code
 * loads when the chart comes near the screen, or at once when it is drawn at a fixed width
 * (the printable report). Until it is drawn, a box of the chart's height keeps its place,
 * so nothing below it jumps.
 */
function lazyChart<P extends { label: string; width?: number }>(load: () => Promise<ComponentType<P>>, heightOf: (props: P) => number) {
  const Chart = dynamic(load, { ssr: false });
  function LazyChart(props: P) {
    const box = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(props.width !== undefined);
    useEffect(() => {
      if (near || !box.current) return;
      const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), { rootMargin: "300px 0px" });
      observer.observe(box.current);
      return () => observer.disconnect();
    }, [near]);
    return (
      <div ref={box} style={{ minHeight: heightOf(props) }} data-chart-placeholder={near ? undefined : ""}>
        {near && <Chart {...props} />}
      </div>
    );
  }
  return LazyChart;
}

export const TrendLineChart = lazyChart(() => import("./trend-line-chart").then((module) => module.TrendLineChart), () => 300);
export const StackedLevelChart = lazyChart(() => import("./stacked-level-chart").then((module) => module.StackedLevelChart), stackedLevelChartHeight);
export const GroupedBarChart = lazyChart(() => import("./grouped-bar-chart").then((module) => module.GroupedBarChart), () => 300);
export const LevelHistoryChart = lazyChart(() => import("./level-history-chart").then((module) => module.LevelHistoryChart), () => 288);
export const DimensionRadarChart = lazyChart(() => import("./dimension-radar-chart").then((module) => module.DimensionRadarChart), () => 320);
export const RunChart = lazyChart(() => import("./run-chart").then((module) => module.RunChart), () => 288);
