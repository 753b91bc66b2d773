import Link from "next/link";
import type { CapacityForecastRow, CapacityPoolDetail } from "@/lib/views/capacity.ts";
import { formatBytes, formatCpu, formatUtc } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import { Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { CapacityChart } from "./capacity-chart.tsx";
import { ForecastLines, poolVerdict } from "./pool-card.tsx";
import { PoolNodesTable, PoolPointsTable } from "./pool-tables.tsx";

const amount = (f: CapacityForecastRow, v: number | null) => (v === null ? "–" : f.resource === "cpu" ? formatCpu(v) : formatBytes(v));
const signed = (f: CapacityForecastRow, v: number) => `${v < 0 ? "−" : ""}${amount(f, Math.abs(v))}`;

// The fit behind each sentence: what it was fitted on and the numbers the dates come from.
function FitTable({ forecasts }: { forecasts: readonly CapacityForecastRow[] }) {
  return (
    <table className={s.table} aria-label="Fits behind the forecasts">
      <thead>
        <tr>
          <th scope="col">series</th>
          <th scope="col">hours fitted</th>
          <th scope="col" className={s.right}>now</th>
          <th scope="col" className={s.right}>allocatable</th>
          <th scope="col" className={s.right}>slope a day</th>
          <th scope="col" className={s.right}>s (residual)</th>
          <th scope="col" className={s.right}>t</th>
          <th scope="col">reaches allocatable (95 % interval)</th>
        </tr>
      </thead>
      <tbody>
        {forecasts.map((f) => (
          <tr key={`${f.resource}/${f.basis}`} data-testid="capacity-fit">
            <td>{f.resource === "cpu" ? "CPU" : "memory"} {f.basis}</td>
            <td className={s.muted}>{f.points} · {formatUtc(f.historyFrom)} → {formatUtc(f.historyTo)}</td>
            <td className={s.right}>{amount(f, f.current)}</td>
            <td className={s.right}>{amount(f, f.allocatable)}</td>
            <td className={s.right}>{f.fit ? signed(f, f.fit.slopePerDay) : "–"}</td>
            <td className={s.right}>{f.fit ? amount(f, f.fit.residualStd) : "–"}</td>
            <td className={s.right}>{f.fit ? f.fit.t.toFixed(3) : "–"}</td>
            <td>{f.exhaustsAt ? `${formatUtc(f.exhaustsAt)} (${formatUtc(f.earliestAt)} – ${f.latestAt ? formatUtc(f.latestAt) : "beyond 90 days"})` : <span className={s.muted}>{f.status === "exhausted" ? "already reached" : "no date"}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PoolDetail({ detail }: { detail: CapacityPoolDetail }) {
  const { pool, nodes } = detail;
  const verdict = poolVerdict(pool.forecasts);
  const labels = [...new Set(nodes.map((n) => n.poolLabel ?? "no pool or instance-type label"))];
  return (
    <div className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      <div style={{ display: "flex", alignItems: "center", gap: 10, flexWrap: "wrap" }}>
        <h1 style={{ fontSize: 20, margin: "4px 0" }}>{pool.cluster} / {pool.pool}</h1>
        <Badge tone={verdict.tone}>{verdict.text}</Badge>
      </div>
      <dl className={`${s.dl} ${s.num}`} style={{ margin: "10px 0 16px" }}>
        <dt>nodes now</dt><dd>{pool.nodeCount}</dd>
        <dt>pool from</dt><dd className={s.mono}>{labels.join(", ")}</dd>
        <dt>hourly points</dt><dd>{pool.points.length} ({formatUtc(pool.points[0]?.bucket ?? null)} → {formatUtc(pool.points.at(-1)?.bucket ?? null)})</dd>
        <dt>computed</dt><dd>{formatUtc(detail.computedAt)} <span className={s.muted}>(cluster time)</span></dd>
      </dl>
      {(["cpu", "memory"] as const).map((r) => (
        <div key={r} className={s.stack}>
          <Panel title={r === "cpu" ? "CPU" : "Memory"} id={`capacity-${r}`}>
            <CapacityChart pool={pool} resource={r} height={240} />
            <ForecastLines forecasts={pool.forecasts} resource={r} />
          </Panel>
        </div>
      ))}
      <div className={s.stack}>
        <Panel title="How the dates are found" id="capacity-fit">
          <FitTable forecasts={pool.forecasts} />
          <p className={s.definition}>
            Each series is fitted by least squares over its hourly points (x = the middle of each hour): ŷ = ȳ + b·(x − x̄). A date is where ŷ meets the latest hour&apos;s
            allocatable; its 95 % interval is where ŷ ± t·s·√(1 + 1/n + (x − x̄)²/Sxx) does, with t from Student&apos;s table for n − 2 degrees of freedom. No date is given
            with under 6 hours of history, for a flat or falling trend, or beyond 90 days.
          </p>
        </Panel>
      </div>
      <div className={s.stack}>
        <Panel title="Nodes" aside={`${nodes.length} in the last 14 days · allocatable as each node reports it now`}>
          <PoolNodesTable nodes={nodes} />
        </Panel>
      </div>
      <div className={s.stack}>
        <Panel title="Hourly points" aside="newest first · the points every fit used">
          <PoolPointsTable points={pool.points} />
        </Panel>
      </div>
    </div>
  );
}
