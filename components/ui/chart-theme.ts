import type { CSSProperties } from "react";

// Chart colours are CSS variables (app/globals.css), so one chart follows the light or dark theme without
// re-rendering: SVG strokes and fills resolve var() like any CSS value.
export const chartColors = {
  grid: "var(--chart-grid)",
  axis: "var(--chart-axis)",
  /** Three series told apart by hue, each readable on both themes' panels. */
  series: ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)"] as const,
  good: "var(--chart-1)",
  primary: "var(--chart-2)",
  caution: "var(--chart-3)",
  danger: "var(--chart-danger)",
  band: "var(--chart-band)",
  text: "var(--text)",
  violet: "var(--violet)",
  pink: "var(--pink)",
} as const;

export const axisTick = { fill: chartColors.axis, fontSize: 10 };

export const gridProps = { stroke: chartColors.grid, strokeDasharray: "2 4", vertical: false } as const;

export const tooltipStyle: CSSProperties = {
  background: "var(--panel)",
  border: "1px solid var(--border)",
  borderRadius: 4,
  fontSize: 12,
  color: "var(--text)",
};
