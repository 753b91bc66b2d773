import type { StrategyDetail } from "@/lib/views/rightsizing.ts";
import { formatBytes, formatCpu } from "../format.ts";
import r from "./rightsizing.module.css";

// KRR simple's two formulas with the numbers that went into them.
export function KrrEvidence({ detail: { row, evidence: e } }: { detail: StrategyDetail }) {
  const bump = typeof e.oomBump === "number" && e.oomBump > 0 ? e.oomBump : 0;
  return (
    <>
      <p className={r.formula}>
        <b>CPU request</b> = p{e.cpuPercentile ?? 95} of usage = {e.cpuPercentileMillis ?? "–"}m, rounded up, at least {e.floors?.cpuMillis ?? 10}m →{" "}
        <b>{formatCpu(row.recommended.cpuMillis)}</b>. No CPU limit is suggested: throttling hurts latency more than it protects neighbours, so
        the patch leaves yours unless it would sit below the new request.
      </p>
      <p className={r.formula}>
        The p{e.cpuPercentile ?? 95} is nearest-rank over the rollups: each bucket&apos;s samples are counted at its p50, p95 and max (by the
        ranks PostgreSQL&apos;s percentile_cont puts them at), so it is never below the p{e.cpuPercentile ?? 95} of the raw samples and equals it
        when usage inside a bucket is steady.
      </p>
      <p className={r.formula}>
        <b>Memory request = limit</b> = peak {formatBytes(e.memoryMaxBytes ?? null)} × {1 + (e.memoryHeadroom ?? 0.15)}
        {bump ? ` × ${1 + bump} (an OOM kill in the history)` : ""}, rounded up to a MiB, at least {formatBytes(e.floors?.memoryBytes ?? null)} →{" "}
        <b>{formatBytes(row.recommended.memoryRequestBytes)}</b>. Memory cannot be borrowed, so the peak must fit.
      </p>
    </>
  );
}
