import type { ServerResponse } from "node:http";
import { metricsList, nodeMetricsList, podMetricsList } from "./metrics.ts";
import type { Matcher } from "./selectors.ts";
import type { ContainerRun } from "./sim/kubelet.ts";
import { sendJson, sendNotFound } from "./status.ts";
import type { Store } from "./store.ts";

export type MetricsTarget = { resource: string; namespace?: string; name?: string };

/** metrics.k8s.io/v1beta1, as metrics-server answers `kubectl top` and Uptrust's usage poller. */
export function serveMetrics(store: Store, runs: Map<string, ContainerRun>, now: number, res: ServerResponse, t: MetricsTarget, label: Matcher) {
  if (t.resource === "nodes") {
    const nodes = store.list("nodes").filter((n) => label(n) && (!t.name || n.metadata.name === t.name));
    const items = nodeMetricsList(runs.values(), nodes, now);
    if (t.name) return items[0] ? sendJson(res, 200, items[0]) : sendNotFound(res, "nodes", "metrics.k8s.io", t.name);
    return sendJson(res, 200, metricsList("NodeMetricsList", items));
  }
  const pods = store.list("pods", t.namespace).filter((p) => label(p) && (!t.name || p.metadata.name === t.name));
  const items = podMetricsList(runs.values(), pods, now, t.namespace);
  if (t.name) return items[0] ? sendJson(res, 200, items[0]) : sendNotFound(res, "pods", "metrics.k8s.io", t.name);
  return sendJson(res, 200, metricsList("PodMetricsList", items));
}
