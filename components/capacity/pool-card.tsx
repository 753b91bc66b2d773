import Link from "next/link";
import type { CapacityForecastRow, CapacityPool } from "@/lib/db/queries/capacity-types.ts";
import { formatUtc } from "../format.ts";
import { Badge, type Tone } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";
import { CapacityChart } from "./capacity-chart.tsx";

export const poolHref = (p: { cluster: string; pool: string }) => `/capacity/${encodeURIComponent(p.cluster)}/${encodeURIComponent(p.pool)}`;

// The pool's headline: full now, the soonest date the trend reaches allocatable, or no date in sight.
export function poolVerdict(forecasts: readonly CapacityForecastRow[]): { tone: Tone; text: string } {
  const full = forecasts.find((f) => f.status === "exhausted");
  if (full) return { tone: "bad", text: `${full.resource === "cpu" ? "CPU" : "memory"} ${full.basis} full` };
  const dated = forecasts.filter((f) => f.exhaustsAt).sort((a, b) => Date.parse(a.exhaustsAt!) - Date.parse(b.exhaustsAt!))[0];
  if (!dated) return { tone: "ok", text: "no exhaustion in sight" };
  const days = (Date.parse(dated.exhaustsAt!) - Date.parse(dated.computedAt)) / 86_400_000;
  return { tone: days < 14 ? "bad" : "warn", text: `${dated.resource === "cpu" ? "CPU" : "memory"} ${dated.basis} ~${dated.exhaustsAt!.slice(0, 10)}` };
}

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
          <CapacityChart pool={pool} resource={r} height={150} />
          <ForecastLines forecasts={pool.forecasts} resource={r} />
        </div>
      ))}
    </article>
  );
}
