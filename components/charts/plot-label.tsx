import type { ReactNode } from "react";
import s from "./charts.module.css";

type Props = {
  /** Where the label starts (or ends, with align "end"): a fraction of the plot's width. */
  x: number;
  /** The line it names: a fraction of the plot's height from the bottom. */
  y: number;
  align: "start" | "end";
  side: "above" | "below";
  color: string;
  children: ReactNode;
};

// A word on the plot (a reference line's name) in HTML, so it keeps its size while the plot stretches.
export function PlotLabel({ x, y, align, side, color, children }: Props) {
  const horizontal = align === "start" ? { left: `${x * 100}%` } : { right: `${(1 - x) * 100}%` };
  const vertical = side === "above" ? { bottom: `calc(${y * 100}% + 2px)` } : { top: `calc(${(1 - y) * 100}% + 2px)` };
  return <span className={s.label} style={{ ...horizontal, ...vertical, color }}>{children}</span>;
}
