import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { toRecommendationRow, type RecommendationWithWorkload } from "@/lib/db/queries/map-recommendation.ts";
import { MIB } from "@/lib/domain/rightsizing.ts";
import { rightsizeContainer } from "@/lib/domain/rightsize-container.ts";
import { rollupSamples } from "@/lib/domain/rollup-samples.ts";
import { chooseUsage, type PrometheusUsage } from "@/lib/domain/usage-source.ts";
import { readEvidence } from "@/lib/views/recommendation-evidence.ts";
import type { RightsizingDetail } from "@/lib/views/rightsizing.ts";
import { ServiceRightsizing } from "../service/service-related.tsx";
import { groupByContainer } from "./group-recommendations.ts";
import { RecommendationTable } from "./recommendation-table.tsx";
import { RightsizingDetailView } from "./rightsizing-detail.tsx";

const now = Date.UTC(2026, 11, 6, 12, 0);
const hours = 14 * 24;
// Two weeks of one-minute samples at 200m and 300 MiB, as Prometheus's buckets; one window in five throttled at 40 %.
const buckets = rollupSamples(Array.from({ length: hours * 60 }, (_, i) => ({ ts: now - hours * 3_600_000 + i * 60_000, cpuMillis: 200, memoryBytes: 300 * MIB })));
const current = { cpuRequestMillis: 1000, memoryRequestBytes: 1024 * MIB, memoryLimitBytes: 1024 * MIB };

// A container's suggestions as the analyzer stores them and the read model maps them back, from the given usage.
function stored(prom: PrometheusUsage, rollups = buckets) {
  const chosen = chooseUsage(prom, rollups);
  const { suggestions } = rightsizeContainer({ buckets: chosen.buckets, source: chosen.source, now, current, replicas: 1, oomKilledRecently: false, hpa: null, burns: [] });
  return suggestions.map((s, i) => {
    const r: RecommendationWithWorkload = {
      id: `${chosen.source}-${i}`, workloadId: "w", container: "api", strategy: s.basis.strategy, currentCpuRequestMillis: 1000,
      currentMemoryRequestBytes: BigInt(1024 * MIB), currentMemoryLimitBytes: BigInt(1024 * MIB), currentCpuLimitMillis: null,
      cpuRequestMillis: s.cpuRequestMillis, memoryRequestBytes: BigInt(s.memoryRequestBytes), memoryLimitBytes: BigInt(s.memoryLimitBytes), replicas: 1,
      held: false, heldReason: null, basis: s.basis, computedAt: new Date(now), usageSource: chosen.source, usageSourceNote: chosen.note,
      cpuThrottledP95: chosen.throttling?.p95 ?? null, cpuThrottledMax: chosen.throttling?.max ?? null,
      workload: { namespace: "shop", name: "api", kind: "Deployment", cluster: { name: "prod-eu" } },
    };
    return { row: toRecommendationRow(r, { cpuCoreHour: 0.03, memoryGibHour: 0.004, currency: "USD" }), evidence: readEvidence(r.basis) };
  });
}

const throttled = Array.from({ length: buckets.length }, (_, i) => (i % 5 === 0 ? 0.4 : 0));
const fromPrometheus = stored({ ok: true, buckets, throttledShares: throttled });
const fellBack = stored({ ok: false, error: "Prometheus at prometheus:9090 did not answer: ECONNREFUSED" });

function detail(strategies: ReturnType<typeof stored>): RightsizingDetail {
  return {
    selectedId: strategies[0].row.id, cluster: "prod-eu", namespace: "shop", workload: "api", workloadKind: "Deployment", container: "api",
    current: { ...current, cpuLimitMillis: null }, replicas: 1, strategies,
    usage: { from: new Date(now - hours * 3_600_000).toISOString(), to: new Date(now).toISOString(), points: [] },
    slos: [], prices: { cpuCoreHour: 0.03, memoryGibHour: 0.004, currency: "USD", hoursPerMonth: 730 },
  };
}

describe("where a suggestion's usage came from", () => {
  it("is named on each container's row of the list", () => {
    render(<RecommendationTable groups={groupByContainer([...fromPrometheus.map((s) => s.row), ...fellBack.map((s) => ({ ...s.row, container: "web" }))])} />);
    const rows = screen.getAllByTestId("recommendation-row");
    expect(rows.map((r) => within(r).getByTestId("usage-source").textContent)).toEqual(["usage from Prometheus (cAdvisor), 14d", "usage from metrics.k8s.io, 14d"]);
    expect(within(rows[1]).getByTestId("usage-source").getAttribute("title")).toBe("Prometheus could not answer (Prometheus at prometheus:9090 did not answer: ECONNREFUSED)");
  });

  it("is named beside each suggestion on the workload's service page", () => {
    render(<ServiceRightsizing rows={fromPrometheus.map((s) => s.row)} />);
    // Each strategy with the history it read: KRR two weeks, VPA its 8 days of daily peaks.
    expect(screen.getAllByTestId("usage-source").map((e) => e.textContent)).toEqual(["usage from Prometheus (cAdvisor), 14d", "usage from Prometheus (cAdvisor), 8d"]);
  });

  it("is named on the suggestion's page with the CPU throttling Prometheus saw", () => {
    render(<RightsizingDetailView detail={detail(fromPrometheus)} />);
    expect(screen.getByTestId("usage-source").textContent).toBe("usage from Prometheus (cAdvisor), 14d");
    expect(screen.getByTestId("cpu-throttling").textContent).toBe("CPU throttled in 40 % of periods at p95, 40 % at most");
    // Two weeks of one-minute samples: what Prometheus gave, though Uptrust's own rollups (the chart) hold none.
    expect(screen.getByText(/five-minute buckets of its pods in Prometheus/).textContent).toContain("4,032 five-minute buckets of its pods in Prometheus · 20,160 one-minute samples");
  });

  it("says why it fell back to metrics.k8s.io, and that throttling was not measured", () => {
    render(<RightsizingDetailView detail={detail(fellBack)} />);
    expect(screen.getByTestId("usage-source").textContent).toBe(
      "usage from metrics.k8s.io, 14d · Prometheus could not answer (Prometheus at prometheus:9090 did not answer: ECONNREFUSED)",
    );
    expect(screen.getByTestId("cpu-throttling").textContent).toBe("not measured (metrics.k8s.io does not count it)");
  });
});
