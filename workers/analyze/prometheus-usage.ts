import { listWorkloadPods, type WorkloadPod } from "@/lib/db/analyze/list-workload-pods.ts";
import type { PrometheusUsage } from "@/lib/domain/usage-source.ts";
import { PODS_PER_QUERY, readContainerUsage, type PodContainerUsage } from "@/lib/prometheus/container-usage.ts";
import type { ClusterRef } from "./types.ts";

/** budgetMs: how long one cycle may spend asking Prometheus; containers it leaves are sized in a later cycle. */
export type PrometheusSetting = { url: string; clusterLabel: string | null; budgetMs: number };
type Target = { namespace: string; kind: string; workloadName: string; container: string };

// Right-sizing reads Prometheus here, in the analyze worker, at recommendation time, as KRR does: the worker already
// asks Prometheus for PromQL SLOs, Prometheus keeps the history itself (two weeks on the first day, nothing copied into
// PostgreSQL), and only the containers due this cycle are asked for (a sixtieth of them a minute). Ingest stays the
// cluster's only reader; the app never calls Prometheus. Pods are asked for a namespace and PODS_PER_QUERY pods at a
// time, one batch after another; once a batch fails, the rest of the cycle does not ask again (a Prometheus that is
// down costs one timeout, not one per batch) and those containers fall back to the metrics.k8s.io rollups. A cycle
// asks for at most budgetMs (the first cycle on a large cluster has every container due): the containers it had no
// time for come back null, to be sized from Prometheus in a later cycle rather than from the other source.
export async function readPrometheusUsage(
  setting: PrometheusSetting,
  cluster: ClusterRef,
  targets: readonly Target[],
  from: Date,
  to: Date,
): Promise<(PrometheusUsage | null)[]> {
  const deadline = Date.now() + setting.budgetMs;
  const pods = await listWorkloadPods(cluster.id, targets, from);
  const answers = new Map<string, PodContainerUsage[]>();
  let failure: string | null = null;
  const clusterMatcher = setting.clusterLabel ? { label: setting.clusterLabel, value: cluster.name } : undefined;
  for (const batch of batches(pods)) {
    if (failure || Date.now() >= deadline) break;
    try {
      const selector = { namespace: batch[0].namespace, pods: batch.map((p) => p.pod), cluster: clusterMatcher };
      const usage = await readContainerUsage(setting.url, selector, from.getTime(), to.getTime());
      for (const p of batch) answers.set(`${p.namespace}/${p.pod}`, usage.filter((u) => u.pod === p.pod));
    } catch (err) {
      failure = (err as Error).message;
    }
  }
  const podsOf = new Map<string, string[]>();
  for (const p of pods) podsOf.set(workloadKey(p), [...(podsOf.get(workloadKey(p)) ?? []), p.pod]);
  return targets.map((t): PrometheusUsage | null => {
    const names = podsOf.get(workloadKey(t)) ?? [];
    const unasked = names.some((pod) => !answers.has(`${t.namespace}/${pod}`));
    if (unasked && failure) return { ok: false, error: failure };
    if (unasked) return null;
    const own = names.flatMap((pod) => (answers.get(`${t.namespace}/${pod}`) ?? []).filter((u) => u.container === t.container));
    return {
      ok: true,
      buckets: own.flatMap((u) => u.buckets).sort((a, b) => a.start - b.start),
      throttledShares: own.flatMap((u) => u.throttledShares),
    };
  });
}

const workloadKey = (w: Pick<WorkloadPod, "namespace" | "kind" | "workloadName">) => `${w.namespace}/${w.kind}/${w.workloadName}`;

// Pods (sorted by namespace) in batches of one namespace and at most PODS_PER_QUERY pods.
function batches(pods: readonly WorkloadPod[]): WorkloadPod[][] {
  const out: WorkloadPod[][] = [];
  for (const p of pods) {
    const last = out[out.length - 1];
    if (last && last[0].namespace === p.namespace && last.length < PODS_PER_QUERY) last.push(p);
    else out.push([p]);
  }
  return out;
}
