import Link from "next/link";
import type { CapacityForecastRow, CapacityPool } from "@/lib/views/capacity.ts";
import { poolSummaryText, type PoolSummary } from "@/lib/domain/capacity-summary.ts";
import { summarizePool } from "@/lib/domain/cluster-summary.ts";
import { formatUtc } from "../format.ts";
import { Badge, type Tone } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";
import { PoolCardChart } from "./pool-card-chart.tsx";

export const poolHref = (p: { cluster: string; pool: string }) => `/capacity/${encodeURIComponent(p.cluster)}/${encodeURIComponent(p.pool)}`;

const TONES: Record<PoolSummary["status"], Tone> = { full: "bad", dated: "warn", waiting: "neutral", clear: "ok" };

// The pool's headline as lib/domain/capacity-summary.ts words it; a date under two weeks away is red.
export function poolVerdict(forecasts: readonly CapacityForecastRow[]): { tone: Tone; text: string } {
  const summary = summarizePool(forecasts);
  return { tone: poolTone(summary), text: poolSummaryText(summary) };
}

export const poolTone = (summary: PoolSummary): Tone => (summary.status === "dated" && summary.daysLeft < 14 ? "bad" : TONES[summary.status]);

export function ForecastLines({ forecasts, resource }: { forecasts: readonly CapacityForecastRow[]; resource: CapacityForecastRow["resource"] }) {
  return (
    <>
      {forecasts.filter((f) => f.resource === resource).map((f) => (
        <p key={f.basis} className={s.explain} data-testid="capacity-forecast" data-basis={f.basis} data-status={f.status}>{f.explanation}</p>
      ))}
    </>
  );
}

export function PoolCard({ pool }: { pool: CapacityPool }) {
  const verdict = poolVerdict(pool.forecasts);
  return (
    <article className={s.card} data-testid="capacity-pool" aria-label={`Node pool ${pool.cluster}/${pool.pool}`}>
      <div className={s.cardHead}>
        <Link href={poolHref(pool)} className={s.cardTitle}>{pool.cluster} / {pool.pool}</Link>
        <span className={`${s.muted} ${s.small}`}>{pool.nodeCount} {pool.nodeCount === 1 ? "node" : "nodes"} · since {formatUtc(pool.points[0]?.bucket ?? null)}</span>
        <span style={{ marginLeft: "auto" }}><Badge tone={verdict.tone}>{verdict.text}</Badge></span>
      </div>
      {(["cpu", "memory"] as const).map((r) => (
        <div key={r} style={{ marginTop: 8 }}>
          <div className={`${s.small} ${s.muted}`}>{r === "cpu" ? "CPU" : "Memory"}</div>
          <PoolCardChart pool={pool} resource={r} height={150} />
          <ForecastLines forecasts={pool.forecasts} resource={r} />
        </div>
      ))}
    </article>
  );
}
