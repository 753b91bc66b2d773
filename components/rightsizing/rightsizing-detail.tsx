import Link from "next/link";
import { servicePath } from "@/lib/domain/service-ref.ts";
import { throttlingText, usageSourceText } from "@/lib/domain/usage-source.ts";
import type { RightsizingDetail, StrategyDetail } from "@/lib/views/rightsizing.ts";
import { formatBytes, formatCpu, formatUtc } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import { chartColors } from "../ui/chart-theme.ts";
import { Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { AutoscalerEvidence } from "./autoscaler-evidence.tsx";
import { KrrEvidence } from "./krr-evidence.tsx";
import { PatchExport } from "./patch-export.tsx";
import r from "./rightsizing.module.css";
import { SavingsEvidence } from "./savings-evidence.tsx";
import { SloGate } from "./slo-gate.tsx";
import { UsageChart, type Marker } from "./usage-chart.tsx";
import { VpaEvidence } from "./vpa-evidence.tsx";
import { basisText } from "./strategy-cell.tsx";

const MIB = 1024 * 1024;
const NAMES: Record<string, string> = { "krr-simple": "KRR simple", vpa: "VPA-style" };
const COLORS: Record<string, string> = { "krr-simple": chartColors.violet, vpa: chartColors.pink };

function markers(d: RightsizingDetail, resource: "cpu" | "memory"): Marker[] {
  const today = resource === "cpu" ? d.current.cpuRequestMillis : d.current.memoryRequestBytes;
  const list: Marker[] = [];
  if (today !== null) list.push({ label: "request now", value: resource === "cpu" ? today : Math.round(today / MIB), color: chartColors.axis, dashed: true });
  for (const { row } of d.strategies) {
    const v = resource === "cpu" ? row.recommended.cpuMillis : Math.round(row.recommended.memoryRequestBytes / MIB);
    list.push({ label: NAMES[row.strategy] ?? row.strategy, value: v, color: COLORS[row.strategy] ?? chartColors.text });
  }
  return list;
}

function StrategyPanel({ detail, strategy }: { detail: RightsizingDetail; strategy: StrategyDetail }) {
  const { row } = strategy;
  const title = NAMES[row.strategy] ?? row.strategy;
  return (
    <Panel title={title} id={`strategy-${row.strategy}`} aside={row.id === detail.selectedId ? "the suggestion you opened" : undefined}>
      <p>
        <b>{formatCpu(row.recommended.cpuMillis)}</b> and <b>{formatBytes(row.recommended.memoryRequestBytes)}</b> (limit {formatBytes(row.recommended.memoryLimitBytes)})
        {" "}per replica <span className={s.muted}>· {basisText(row)} · computed {formatUtc(row.computedAt)}</span>
      </p>
      {row.held ? <p className={s.notice} data-testid="held-reason"><Badge tone="warn">held</Badge> {row.heldReason}. The numbers stay here; the hold lifts by itself once every SLO of the workload burns at 1× or less.</p> : null}
      {row.strategy === "vpa" ? <VpaEvidence detail={strategy} /> : <KrrEvidence detail={strategy} />}
      <SavingsEvidence detail={strategy} prices={detail.prices} />
      <PatchExport id={row.id} />
    </Panel>
  );
}

// Every figure of a right-sizing suggestion next to the facts it came from: the rollups it read, the
// formula with its numbers, the autoscaler's view, the SLO gate and the patch that applies it.
export function RightsizingDetailView({ detail: d }: { detail: RightsizingDetail }) {
  const evidence = d.strategies.find((x) => x.row.id === d.selectedId)?.evidence ?? d.strategies[0]?.evidence ?? {};
  const samples = d.usage.points.reduce((n, p) => n + p.samples, 0);
  const selected = (d.strategies.find((x) => x.row.id === d.selectedId) ?? d.strategies[0])?.row;
  const fromPrometheus = selected?.usage.source === "prometheus";
  return (
    <div className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      <h1 style={{ fontSize: 20, margin: "4px 0" }}>Right-sizing {d.namespace}/{d.workload}/{d.container}</h1>
      <dl className={`${s.dl} ${s.num}`} style={{ margin: "10px 0 16px" }}>
        <dt>workload</dt><dd><Link href={servicePath({ cluster: d.cluster, namespace: d.namespace, kind: d.workloadKind, name: d.workload })}>{d.workloadKind} {d.namespace}/{d.workload}</Link> · {d.cluster}</dd>
        <dt>asks for now</dt><dd>{formatCpu(d.current.cpuRequestMillis)} (limit {d.current.cpuLimitMillis === null ? "none" : formatCpu(d.current.cpuLimitMillis)}) · {formatBytes(d.current.memoryRequestBytes)} (limit {formatBytes(d.current.memoryLimitBytes)})</dd>
        <dt>replicas</dt><dd>{d.replicas}{evidence.hpa ? ` (HPA ${evidence.hpa.minReplicas}–${evidence.hpa.maxReplicas})` : ""}</dd>
        {selected ? (
          <>
            <dt>usage source</dt>
            <dd data-testid="usage-source">
              {usageSourceText(selected.usage.source, selected.basis.historyHours)}
              {selected.usage.note ? <span className={s.muted}> · {selected.usage.note}</span> : null}
            </dd>
            <dt>CPU throttling</dt>
            <dd data-testid="cpu-throttling">
              {throttlingText(selected.usage.throttling) ??
                (fromPrometheus ? "no CFS periods counted (no CPU limit)" : "not measured (metrics.k8s.io does not count it)")}
            </dd>
          </>
        ) : null}
        <dt>history read</dt>
        {fromPrometheus && evidence.historyFrom && evidence.historyTo ? (
          <dd>
            {formatUtc(evidence.historyFrom)} – {formatUtc(evidence.historyTo)} · {(evidence.bucketCount ?? 0).toLocaleString("en-US")} five-minute buckets of
            its pods in Prometheus · {(evidence.sampleCount ?? 0).toLocaleString("en-US")} one-minute samples
          </dd>
        ) : (
          <dd>{formatUtc(d.usage.from)} – {formatUtc(d.usage.to)} · {d.usage.points.length.toLocaleString("en-US")} five-minute buckets · {samples.toLocaleString("en-US")} samples</dd>
        )}
      </dl>
      <Panel title="Usage" aside="per 5-minute bucket of all pods · UTC">
        <div className={r.charts}>
          <UsageChart points={d.usage.points} resource="cpu" markers={markers(d, "cpu")} />
          <UsageChart points={d.usage.points} resource="memory" markers={markers(d, "memory")} />
        </div>
        {fromPrometheus ? (
          <p className={s.definition}>
            The suggestions below read Prometheus&apos;s cAdvisor series over the same five-minute buckets; this chart shows what Uptrust itself
            sampled from metrics.k8s.io over that time, which can be shorter.
          </p>
        ) : null}
        <p className={s.definition}>
          From usage_rollups_5m: each point is one bucket&apos;s p50, p95 and max over every sample of every pod of the workload (metrics.k8s.io,
          one sample per pod each poll). The dashed line is today&apos;s request; the others are the suggestions.
        </p>
      </Panel>
      {evidence.hpa ? (
        <div className={s.stack}><Panel title="Autoscaler"><AutoscalerEvidence hpa={evidence.hpa} /></Panel></div>
      ) : null}
      <div className={r.strategies}>
        {d.strategies.map((x) => <StrategyPanel key={x.row.id} detail={d} strategy={x} />)}
      </div>
      <div className={s.stack}>
        <Panel title="SLO gate" aside="downsizing waits while any SLO burns faster than 1×">
          <SloGate slos={d.slos} />
        </Panel>
      </div>
    </div>
  );
}
