import type { CapacityView } from "@/lib/views/capacity.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { PoolCard } from "./pool-card.tsx";

// Node pools closest to running out, each with its history and trend; the pool's page lists the nodes
// and hours behind every figure.
export function CapacityPanel({ view }: { view: CapacityView }) {
  return (
    <Panel title="Capacity" aside={view.totalPools ? `${view.totalPools} node ${view.totalPools === 1 ? "pool" : "pools"} · soonest to run out first` : undefined}>
      {view.pools.length === 0 ? (
        <Empty>No capacity figures yet: Uptrust rebuilds each node pool&apos;s hourly allocatable, requests and usage once it has seen the nodes and an hour has passed.</Empty>
      ) : (
        <div className={s.cards}>
          {view.pools.map((p) => <PoolCard key={`${p.cluster}/${p.pool}`} pool={p} />)}
        </div>
      )}
      <p className={s.definition}>
        Allocatable and requests are hourly time-weighted means; usage is the p95 of the hour&apos;s 5-minute totals (metrics.k8s.io, including system daemons).
        The trend is a least-squares line over up to 14 days with a 95 % prediction interval; dates assume the pool keeps today&apos;s allocatable, so an autoscaled pool may grow first.
      </p>
    </Panel>
  );
}
