import { Gauge, type Registry } from "prom-client";
import { readOwnSloWindows, type OwnSloWindows } from "@/lib/db/analyze/read-own-slo-windows.ts";
import { OWN_ERROR_RATIO_METRIC, OWN_EVENTS_METRIC } from "@/lib/domain/slo-rules.ts";

const LABELS = ["sloth_id", "sloth_service", "sloth_slo", "uptrust_cluster", "sloth_window"] as const;

// The window figures of the SLOs Uptrust measures itself (availability from replicas, requests and latency from
// access logs), read from PostgreSQL when Prometheus scrapes, for the rules `GET /api/slos/rules` exports: those
// SLIs have no series in the team's Prometheus. Gauges, not counters: the analyzer rewrites late minutes and drops
// old ones, so a running total would go down now and then, and Prometheus would read each dip as a reset and
// count a month of events into one scrape.
export function registerSloWindowGauges(registry: Registry, read: () => Promise<OwnSloWindows[]> = readOwnSloWindows): void {
  let pending: Promise<OwnSloWindows[]> | null = null;
  const scrape = () => {
    if (pending) return pending;
    // PostgreSQL down must not take the worker's own figures with it: the SLO series are left out of that scrape.
    const figures = read().catch((err: unknown) => {
      console.error(`[analyze] SLO window figures left out of /metrics: ${err instanceof Error ? err.message : err}`);
      return [];
    });
    // Shared while in flight: both gauges of a scrape (and scrapes that overlap) wait on one read, and the next
    // scrape reads afresh. Nothing depends on when prom-client calls each collect.
    pending = figures.finally(() => (pending = null));
    return pending;
  };
  const fill = async (gauge: Gauge<(typeof LABELS)[number]>, value: (f: OwnSloWindows["figures"][number]) => number | null) => {
    const slos = await scrape();
    gauge.reset();
    for (const { identity, figures } of slos) {
      for (const f of figures) {
        const v = value(f);
        if (v !== null) gauge.set({ ...identity, sloth_window: f.window }, v);
      }
    }
  };
  new Gauge({
    name: OWN_ERROR_RATIO_METRIC,
    help: "Error ratio of each of Uptrust's own SLOs over each burn-rate window and its period, as of the analyzer's last evaluation.",
    labelNames: LABELS,
    registers: [registry],
    async collect() {
      await fill(this, (f) => f.errorRatio);
    },
  });
  new Gauge({
    name: OWN_EVENTS_METRIC,
    help: "Events measured in each burn-rate window of Uptrust's own SLOs (minutes for availability, requests otherwise).",
    labelNames: LABELS,
    registers: [registry],
    async collect() {
      await fill(this, (f) => f.events);
    },
  });
}
