"use client";

import type { Cockpit } from "@/lib/views/cockpit.ts";
import { formatUtc } from "../format.ts";
import s from "../ui/styles.module.css";
import { useCockpit } from "./use-cockpit.ts";

const HEALTH: Record<string, "ok" | "warn" | "bad"> = { connected: "ok", degraded: "warn", pending: "warn", stale: "bad", stopped: "bad", unreachable: "bad" };

// One chip per cluster: its ingest state, how current its data is, and (on hover or focus) the
// sentence that says who ingests it, how far behind and the last error.
export function ClusterStatus({ initialData }: { initialData: Cockpit }) {
  const { data } = useCockpit(initialData);
  if (data.clusters.length === 0) {
    return <span className={`${s.muted} ${s.small}`}>No cluster has reported yet: Uptrust starts watching once ingest connects.</span>;
  }
  return (
    <ul className={s.chips} aria-label="Clusters" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {data.clusters.map((c) => (
        <li key={c.id} className={s.chip} data-testid="cluster-chip" title={c.summary} tabIndex={0} aria-label={`${c.name}: ${c.status}, ${c.summary}`}>
          <span className={s.dot} data-health={HEALTH[c.status] ?? "warn"} aria-hidden />
          <strong>{c.name}</strong>
          <span data-testid="cluster-state">{c.status}</span>
          <span>· {c.lastEventAt ? `data through ${formatUtc(c.lastEventAt)}` : "no data yet"}</span>
          {c.lagMs !== null && c.status === "connected" ? <span className={s.muted}>· lag {(c.lagMs / 1000).toFixed(1)} s</span> : null}
          {c.status !== "connected" ? <span className={`${s.muted} ${s.chipDetail}`}>· {c.summary}</span> : null}
        </li>
      ))}
    </ul>
  );
}
