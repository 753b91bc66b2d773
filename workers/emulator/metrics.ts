import { iso } from "./clock.ts";
import { noise } from "./random.ts";
import type { ContainerRun } from "./sim/kubelet.ts";
import type { KObj } from "./store.ts";

const WINDOW_MS = 60_000;
const MI = 1024 * 1024;
const API = "metrics.k8s.io/v1beta1";

/** metrics-server resolution: one sample per scenario minute; polling faster returns the same sample. */
export const sampleTime = (now: number) => Math.floor(now / WINDOW_MS) * WINDOW_MS;

const lerp = ([lo, hi]: readonly [number, number], x: number) => lo + (hi - lo) * x;

export function containerUsage(run: ContainerRun, at: number) {
  const b = run.behavior;
  const key = `${run.podKey}|${at}`;
  const cpu = Math.round(lerp(b.cpuMilliAt?.(at) ?? b.cpuMilli, noise(`cpu|${key}`)));
  let mem = lerp(b.memoryMi, noise(`mem|${key}`)) * MI;
  if (b.leak && run.endsAt) {
    // A leak: memory climbs in a straight line from the baseline to the limit, where the kernel kills it.
    const progress = Math.min(1, Math.max(0, (at - run.startedAt) / (run.endsAt - run.startedAt)));
    mem = (b.memoryMi[0] + (b.leak.limitMi - b.memoryMi[0]) * progress * 0.99) * MI;
  }
  return { cpuMilli: cpu, memoryBytes: Math.round(mem) };
}

const runningAt = (runs: Iterable<ContainerRun>, at: number) => [...runs].filter((r) => r.running && r.startedAt <= at);

export function podMetricsList(runs: Iterable<ContainerRun>, pods: KObj[], now: number, namespace?: string) {
  const at = sampleTime(now);
  const byKey = new Map(runningAt(runs, at).map((r) => [r.podKey, r]));
  const items = pods
    .filter((p) => (!namespace || p.metadata.namespace === namespace) && byKey.has(`${p.metadata.namespace}/${p.metadata.name}`))
    .map((p) => {
      const run = byKey.get(`${p.metadata.namespace}/${p.metadata.name}`)!;
      const u = containerUsage(run, at);
      return {
        kind: "PodMetrics",
        apiVersion: API,
        metadata: { name: p.metadata.name, namespace: p.metadata.namespace, creationTimestamp: iso(now), labels: p.metadata.labels },
        timestamp: iso(at),
        window: "60s",
        containers: [{ name: run.container, usage: { cpu: `${u.cpuMilli * 1_000_000}n`, memory: `${Math.round(u.memoryBytes / 1024)}Ki` } }],
      };
    });
  return items;
}

export function nodeMetricsList(runs: Iterable<ContainerRun>, nodes: KObj[], now: number) {
  const at = sampleTime(now);
  const running = runningAt(runs, at);
  return nodes.map((n) => {
    const name = n.metadata.name;
    // System daemons, kubelet and the container runtime use a steady share of every node.
    let cpu = 180 + 80 * noise(`node-cpu|${name}|${at}`);
    let mem = (1400 + 200 * noise(`node-mem|${name}|${at}`)) * MI;
    for (const r of running.filter((x) => x.nodeName === name)) {
      const u = containerUsage(r, at);
      cpu += u.cpuMilli;
      mem += u.memoryBytes;
    }
    return {
      kind: "NodeMetrics",
      apiVersion: API,
      metadata: { name, creationTimestamp: iso(now), labels: n.metadata.labels },
      timestamp: iso(at),
      window: "60s",
      usage: { cpu: `${Math.round(cpu * 1_000_000)}n`, memory: `${Math.round(mem / 1024)}Ki` },
    };
  });
}

export const metricsList = (kind: "NodeMetricsList" | "PodMetricsList", items: unknown[]) => ({ kind, apiVersion: API, metadata: {}, items });
