import type { StrategyDetail } from "@/lib/views/rightsizing.ts";
import { formatBytes, formatCpu, formatUtc } from "../format.ts";
import s from "../ui/styles.module.css";
import r from "./rightsizing.module.css";

// The VPA recommender's estimates, margins and bounds with the numbers that went into them.
export function VpaEvidence({ detail: { row, evidence: e } }: { detail: StrategyDetail }) {
  const margin = 1 + (e.safetyMargin ?? 0.15);
  const p = e.cpuPercentiles ?? { target: 90, lower: 50, upper: 95 };
  return (
    <>
      <p className={r.formula}>
        Usage is weighed by age with a {e.halfLifeHours ?? 24} h half-life (yesterday counts half as much as today) in VPA&apos;s histogram of
        5 %-wide buckets. <b>CPU</b>: p{p.target} = {e.cpuEstimateMillis?.p90 ?? "–"}m × {margin} → <b>{formatCpu(row.recommended.cpuMillis)}</b>{" "}
        (at least {e.floors?.cpuMillis ?? 25}m).
      </p>
      <p className={r.formula}>
        <b>Memory</b> comes from each day&apos;s peak over the last 8 days: p{p.target} of the peaks = {formatBytes(e.memoryEstimateBytes?.p90 ?? null)} ×{" "}
        {margin}
        {e.oom ? `, and after the OOM kill at least max(1.2 × ${formatBytes(e.oom.usageBytes)}, ${formatBytes(e.oom.usageBytes)} + 100 MiB) = ${formatBytes(e.oom.floorBytes)}` : ""}
        {" "}→ <b>{formatBytes(row.recommended.memoryRequestBytes)}</b> (at least {formatBytes(e.floors?.memoryBytes ?? null)}).
      </p>
      {e.memoryPeaks?.length ? (
        <p className={r.formula}>
          Daily peaks: {e.memoryPeaks.map((d) => `${formatUtc(d.to).slice(0, 10)} ${formatBytes(d.peakBytes)}`).join(" · ")}
        </p>
      ) : null}
      <table className={s.table}>
        <thead>
          <tr><th scope="col">bound</th><th scope="col" className={s.right}>CPU</th><th scope="col" className={s.right}>memory</th><th scope="col">from</th></tr>
        </thead>
        <tbody>
          <tr><td>lower</td><td className={`${s.right} ${s.num}`}>{formatCpu(e.lowerBound?.cpuMillis ?? null)}</td><td className={`${s.right} ${s.num}`}>{formatBytes(e.lowerBound?.memoryBytes ?? null)}</td><td className={s.muted}>p{p.lower} × {margin}</td></tr>
          <tr><td><b>target</b></td><td className={`${s.right} ${s.num}`}>{formatCpu(e.target?.cpuMillis ?? null)}</td><td className={`${s.right} ${s.num}`}>{formatBytes(e.target?.memoryBytes ?? null)}</td><td className={s.muted}>p{p.target} × {margin}</td></tr>
          <tr><td>upper</td><td className={`${s.right} ${s.num}`}>{formatCpu(e.upperBound?.cpuMillis ?? null)}</td><td className={`${s.right} ${s.num}`}>{formatBytes(e.upperBound?.memoryBytes ?? null)}</td><td className={s.muted}>p{p.upper} × {margin} × {e.upperBoundFactor ?? "–"} (1 + 1 ÷ {e.historyDays ?? "–"} days of history)</td></tr>
        </tbody>
      </table>
      <p className={r.formula}>
        The suggestion is Goldilocks&apos; &quot;Guaranteed&quot; (request = limit = target). &quot;Burstable&quot; would be request = lower bound, limit = upper
        bound; the upper bound is wide while the history is short, because a short history cannot have seen the bad day yet.
      </p>
    </>
  );
}
