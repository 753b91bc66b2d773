"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { CapacityPool } from "@/lib/views/capacity.ts";
import { formatUtc } from "../format.ts";
import { ChartFigure } from "../ui/chart-figure.tsx";
import { axisTick, chartColors as c, gridProps, tooltipStyle } from "../ui/chart-theme.ts";
import { capacityFigure, day, round2, show } from "./capacity-figure.ts";
import type { Resource } from "./capacity-series.ts";

// Allocatable as a step line (it moves when nodes come and go), requests and usage as measured each hour,
// and the fitted trend with its 95 % prediction band running ahead to where it meets allocatable.
export function CapacityChart({ pool, resource, height = 170 }: { pool: CapacityPool; resource: Resource; height?: number }) {
  const { rows, trend, unit, crossing, table, label, description } = capacityFigure(pool, resource);
  return (
    <ChartFigure label={label} description={description} table={table}>
      <div data-testid="capacity-chart" data-resource={resource}>
        <ComposedChart accessibilityLayer={false} responsive style={{ width: "100%", height }} data={rows} margin={{ top: 6, right: 10, bottom: 0, left: -10 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tick={axisTick} tickLine={false} tickFormatter={day} />
          <YAxis tick={axisTick} tickLine={false} domain={[0, "auto"]} tickFormatter={(v: number) => `${round2(v)}`} label={{ value: unit, angle: -90, position: "insideLeft", fill: c.axis, fontSize: 10, dx: 14 }} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(l) => formatUtc(new Date(Number(l)).toISOString())} formatter={(v, name) => [show(v, unit), name]} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {trend ? <Area dataKey="band" name={`${trend.basis} trend, 95 % interval`} stroke="none" fill={c.band} fillOpacity={0.15} connectNulls isAnimationActive={false} /> : null}
          <Line dataKey="allocatable" name="allocatable" type="stepAfter" stroke={c.axis} strokeWidth={1.5} dot={false} connectNulls isAnimationActive={false} />
          <Line dataKey="allocatableAhead" name="allocatable at today's size" legendType="none" stroke={c.axis} strokeDasharray="4 3" dot={false} connectNulls isAnimationActive={false} />
          <Line dataKey="requests" name="requests" stroke={c.primary} strokeWidth={1.5} dot={false} connectNulls isAnimationActive={false} />
          <Line dataKey="usage" name="usage p95" stroke={c.good} strokeWidth={1.2} dot={false} connectNulls isAnimationActive={false} />
          {trend ? <Line dataKey="fit" name={`${trend.basis} trend`} stroke={c.caution} strokeDasharray="5 3" dot={false} connectNulls isAnimationActive={false} /> : null}
          {crossing ? <ReferenceLine x={crossing} stroke={c.danger} strokeDasharray="3 3" label={{ value: `reaches allocatable ~${day(crossing)}`, fill: c.danger, fontSize: 10, position: "insideTopLeft" }} /> : null}
        </ComposedChart>
      </div>
    </ChartFigure>
  );
}
