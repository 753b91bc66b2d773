import { insertNodeUsage, insertUsage, type NodeUsageRow, type UsageRow } from "@/lib/db/ingest/insert-usage.ts";
import { parseCpuMillis, parseMemoryBytes } from "@/lib/domain/quantity.ts";
import { getJson } from "@/lib/k8s/get-json.ts";
import { POLLED_PATHS } from "@/lib/k8s/ingest-api-paths.ts";
import { toDate } from "@/lib/k8s/mapped.ts";
import { z } from "zod";
import { backoffMs, describeError, httpStatusOf, retryWaitMs, sleep } from "./backoff.ts";
import type { ClusterContext } from "./cluster-context.ts";
import type { PodIndex } from "./pod-index.ts";

// Polls metrics.k8s.io for per-container and per-node usage. Each sample is stored at the timestamp the metrics
// pipeline gave it (cluster time) and attributed to the pod's workload, which right-sizing groups by.

const podMetrics = z.object({
  items: z.array(
    z.object({
      metadata: z.object({ name: z.string(), namespace: z.string() }),
      timestamp: z.string(),
      containers: z.array(z.object({ name: z.string(), usage: z.object({ cpu: z.unknown(), memory: z.unknown() }) })),
    }),
  ),
});

export function toUsageRows(ctx: Pick<ClusterContext, "skip">, body: unknown, pods: PodIndex): UsageRow[] {
  const parsed = podMetrics.safeParse(body);
  if (!parsed.success) {
    ctx.skip("metrics", `PodMetricsList unreadable: ${parsed.error.issues[0]?.message}`);
    return [];
  }
  const rows: UsageRow[] = [];
  for (const item of parsed.data.items) {
    const ts = toDate(item.timestamp);
    const workload = pods.get(item.metadata.namespace, item.metadata.name)?.workload;
    for (const c of item.containers) {
      const cpu = parseCpuMillis(c.usage.cpu);
      const mem = parseMemoryBytes(c.usage.memory);
      if (!ts || cpu === undefined || mem === undefined) {
        ctx.skip("metrics", `${item.metadata.namespace}/${item.metadata.name}/${c.name}: unreadable sample`);
        continue;
      }
      rows.push({
        namespace: item.metadata.namespace,
        pod: item.metadata.name,
        container: c.name,
        workloadKind: workload?.kind ?? null,
        workloadName: workload?.name ?? null,
        ts,
        cpuMillis: cpu,
        memoryBytes: mem,
      });
    }
  }
  return rows;
}

const nodeMetrics = z.object({
  items: z.array(z.object({ metadata: z.object({ name: z.string() }), timestamp: z.string(), usage: z.object({ cpu: z.unknown(), memory: z.unknown() }) })),
});

export function toNodeUsageRows(ctx: Pick<ClusterContext, "skip">, body: unknown): NodeUsageRow[] {
  const parsed = nodeMetrics.safeParse(body);
  if (!parsed.success) {
    ctx.skip("metrics", `NodeMetricsList unreadable: ${parsed.error.issues[0]?.message}`);
    return [];
  }
  return parsed.data.items.flatMap((n) => {
    const [ts, cpu, mem] = [toDate(n.timestamp), parseCpuMillis(n.usage.cpu), parseMemoryBytes(n.usage.memory)];
    if (!ts || cpu === undefined || mem === undefined) {
      ctx.skip("metrics", `node ${n.metadata.name}: unreadable sample`);
      return [];
    }
    return [{ node: n.metadata.name, ts, cpuMillis: cpu, memoryBytes: mem }];
  });
}

export function metricsStream(ctx: ClusterContext, pods: PodIndex) {
  // Node usage is a second request with its own failures: credentials that may read pod metrics but
  // not node metrics (a common RBAC split) must not cost the pod usage right-sizing needs.
  let nodeFailures = 0;
  async function pollNodes() {
    try {
      await insertNodeUsage(ctx.db, ctx.clusterId, toNodeUsageRows(ctx, await getJson(ctx.kc, POLLED_PATHS.nodeMetrics)));
      nodeFailures = 0;
    } catch (err) {
      if (httpStatusOf(err) === undefined) throw err; // the database or the connection: the outer retry handles it
      if (nodeFailures++ % 20 === 0) ctx.log(`metrics: node usage not read (${describeError(err)}); pod usage goes on`);
    }
  }

  async function run() {
    let failures = 0;
    await Promise.race([pods.firstList, new Promise<void>((r) => ctx.signal.addEventListener("abort", () => r(), { once: true }))]);
    while (!ctx.signal.aborted) {
      try {
        const body = await getJson(ctx.kc, POLLED_PATHS.podMetrics);
        const rows = toUsageRows(ctx, body, pods);
        for (const r of rows) ctx.clock.observe(r.ts);
        await insertUsage(ctx.db, ctx.clusterId, rows);
        await pollNodes();
        failures = 0;
        await sleep(ctx.config.metricsPollMs, ctx.signal);
      } catch (err) {
        failures += 1;
        // No metrics-server is common and not an outage: say so once in a while, keep the rest running.
        const notServed = httpStatusOf(err) === 404;
        if (failures === 1 || failures % 20 === 0) ctx.log(`metrics: ${notServed ? "metrics.k8s.io is not served (install metrics-server for usage)" : describeError(err)}`);
        await sleep(notServed ? 300_000 : retryWaitMs(err, Math.max(ctx.config.metricsPollMs, backoffMs(failures))), ctx.signal);
      }
    }
  }
  return { run };
}
