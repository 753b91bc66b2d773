import { getPool } from "@/lib/db/pool.ts";
import { selects, type LabelSelector } from "@/lib/domain/label-selector.ts";

// Who served a request: a pod's workload (for its own access log) and a Service's workload (for the
// ingress's upstream "namespace-service-port"), both keyed to workload ids.
export type RequestRouting = { podWorkloads: Map<string, string>; services: Map<string, string> };

export async function readRequestRouting(clusterId: string): Promise<RequestRouting> {
  const pool = getPool();
  const pods = await pool.query<{ namespace: string; name: string; workload_id: string }>(
    `SELECT p.namespace, p.name, w.id AS workload_id FROM pods p
       JOIN workloads w ON w.cluster_id = p.cluster_id AND w.namespace = p.namespace AND w.kind = p.workload_kind AND w.name = p.workload_name
      WHERE p.cluster_id = $1`,
    [clusterId],
  );
  const podWorkloads = new Map(pods.rows.map((p) => [`${p.namespace}/${p.name}`, p.workload_id]));

  const workloads = await pool.query<{ id: string; namespace: string; name: string; labels: Record<string, string> | null }>(
    `SELECT id, namespace, name, spec_facts->'labels' AS labels FROM workloads WHERE cluster_id = $1 AND deleted_at IS NULL ORDER BY name`,
    [clusterId],
  );
  const svc = await pool.query<{ namespace: string; name: string; selector: Record<string, string> | null }>(
    `SELECT namespace, name, spec->'selector' AS selector FROM kube_objects WHERE cluster_id = $1 AND kind = 'Service' AND deleted_at IS NULL`,
    [clusterId],
  );
  const services = new Map<string, string>();
  for (const s of svc.rows) {
    // A Service without a selector (ExternalName, manual Endpoints) fronts nothing Uptrust watches.
    if (!s.selector || Object.keys(s.selector).length === 0) continue;
    const selector: LabelSelector = { matchLabels: s.selector };
    // Several workloads behind one Service (a canary beside its stable twin) share one ingress upstream;
    // its requests are charged to the first by name rather than counted twice.
    const served = workloads.rows.find((w) => w.namespace === s.namespace && selects(selector, w.labels ?? {}));
    if (served) services.set(`${s.namespace}-${s.name}`, served.id);
  }
  return { podWorkloads, services };
}
