import { hpaAdvice, type Autoscaler, type HpaBasis } from "./rightsizing-hpa.ts";
import { directionsOf, downsizingHold, type SloBurn } from "./rightsizing-hold.ts";
import { recommendKrrSimple, type KrrBasis, type NotSized, type Sized } from "./rightsizing.ts";
import { BUCKET_SOURCE, type UsageSource } from "./usage-source.ts";
import { sortedCpuSpread, weightedPercentile, type UsageBucket } from "./usage-history.ts";
import { recommendVpa, type VpaBasis } from "./vpa.ts";

// One workload container sized both ways (KRR simple and VPA-style) from the same rollups, each
// suggestion carrying the autoscaler's view (when an HPA scales the workload) and its SLO hold.

export type ContainerFacts = {
  buckets: readonly UsageBucket[];
  now: number;
  current: { cpuRequestMillis: number | null; memoryRequestBytes: number | null; memoryLimitBytes: number | null };
  replicas: number;
  oomKilledRecently: boolean;
  hpa: Autoscaler | null;
  burns: readonly SloBurn[];
  /** Where the buckets came from (metrics.k8s.io unless said). */
  source?: UsageSource;
};

export type Suggestion = Omit<Sized<KrrBasis | VpaBasis>, "basis"> & { basis: (KrrBasis | VpaBasis) & { hpa: HpaBasis | null }; heldReason: string | null };

export function rightsizeContainer(f: ContainerFacts): { suggestions: Suggestion[]; waiting: string | null } {
  const peak = f.buckets.reduce((m, b) => Math.max(m, b.memoryMax), 0);
  // The kernel OOM-kills at the limit, so the limit is the usage at the kill when one is set; a metrics
  // sample seldom lands in the last second before it.
  const oomUsageBytes = f.oomKilledRecently ? Math.max(f.current.memoryLimitBytes ?? 0, peak) : null;
  const sized: (Sized<KrrBasis | VpaBasis> | NotSized)[] = [
    recommendKrrSimple({ buckets: f.buckets, oomKilledRecently: f.oomKilledRecently }),
    recommendVpa({ buckets: f.buckets, now: f.now, oomUsageBytes }),
  ];
  const medianCpuMillis = weightedPercentile(sortedCpuSpread(f.buckets), 50) ?? 0;
  const suggestions: Suggestion[] = [];
  let waiting: string | null = null;
  for (const r of sized) {
    if (!r.ok) {
      waiting ??= r.reason;
      continue;
    }
    const hpa = f.hpa
      ? hpaAdvice(f.hpa, { currentReplicas: f.replicas, medianCpuMillis, currentCpuMillis: f.current.cpuRequestMillis, recommendedCpuMillis: r.cpuRequestMillis })
      : null;
    const heldReason = downsizingHold(directionsOf(f.current, r), f.burns);
    suggestions.push({ ...r, basis: { ...r.basis, source: BUCKET_SOURCE[f.source ?? "metrics-api"], hpa }, heldReason });
  }
  return { suggestions, waiting: suggestions.length ? null : waiting };
}
