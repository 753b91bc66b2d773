import type { CSSProperties, ReactNode } from "react";
import { legibleTicks, type AxisTick, type XTick } from "./axis-tick.ts";
import { chartColors } from "../ui/chart-theme.ts";
import { fy } from "./line-segments.ts";
import s from "./charts.module.css";

/** Space the frame keeps above and below the plot (the x labels' row), in pixels. */
export const FRAME_TOP = 6;
export const FRAME_BOTTOM = 16;

const SHIFT = { start: "none", center: "translateX(-50%)", end: "translateX(-100%)" };

type Props = {
  /** The whole frame's height in pixels, x labels included. */
  height: number;
  /** Room left of the plot for the y labels, in pixels. */
  gutter: number;
  /** Y ticks in order of importance: labels that would overlap are dropped, the grid line stays. */
  yTicks: readonly AxisTick[];
  xTicks: readonly XTick[];
  /** HTML placed over the plot (labels that must not stretch). */
  overlay?: ReactNode;
  /** SVG drawn in the plot's 100×100 viewBox. */
  children: ReactNode;
};

// The frame every plain-SVG chart draws in: server-rendered, no measuring; the plot stretches with the card and
// the labels are positioned in percent of it.
export function PlotFrame({ height, gutter, yTicks, xTicks, overlay, children }: Props) {
  const shown = legibleTicks(yTicks, height - FRAME_TOP - FRAME_BOTTOM);
  return (
    <div className={s.frame} style={{ height, "--gutter": `${gutter}px` } as CSSProperties}>
      <div className={s.plot}>
        <svg className={s.svg} viewBox="0 0 100 100" preserveAspectRatio="none" focusable="false">
          {yTicks.map((t) => (
            <line key={t.label} x1={0} x2={100} y1={fy(t.at)} y2={fy(t.at)} stroke={chartColors.grid} strokeDasharray="2 4" vectorEffect="non-scaling-stroke" />
          ))}
          {children}
        </svg>
        {shown.map((t) => <span key={t.label} className={s.yTick} style={{ top: `${fy(t.at)}%` }}>{t.label}</span>)}
        {xTicks.map((t) => (
          <span key={`${t.at}:${t.label}`} className={s.xTick} style={{ left: `${t.at * 100}%`, maxWidth: t.span ? `${t.span * 100}%` : undefined, transform: SHIFT[t.align ?? "center"] }} title={t.label}>
            {t.label}
          </span>
        ))}
        {overlay}
      </div>
    </div>
  );
}
