import { z } from "zod";
import { getPool } from "@/lib/db/pool.ts";
import { workloadKey } from "@/lib/domain/incident-signals.ts";
import type { PagingSlo } from "@/lib/domain/slo-signals.ts";

// The stored rules, most urgent first (lib/domain/burn-rate.ts); only whether each fired is needed here.
const storedRules = z.array(z.object({ firing: z.boolean() }).loose()).catch([]);

// The cluster's SLOs whose status pages now, as their cards show them (written by evaluate-slos earlier
// in the same cycle), whatever their SLI.
export async function readPagingSlos(clusterId: string): Promise<PagingSlo[]> {
  const { rows } = await getPool().query<{ kind: string; namespace: string; name: string; slo: string; indicator: string; windows: unknown }>(
    `SELECT w.kind::text AS kind, w.namespace, w.name, s.name AS slo, s.indicator, st.windows
       FROM slo_status st JOIN slos s ON s.id = st.slo_id JOIN workloads w ON w.id = s.workload_id
      WHERE w.cluster_id = $1 AND st.alert = 'page'`,
    [clusterId],
  );
  return rows.map((r) => ({
    workload: workloadKey(r),
    slo: r.slo,
    indicator: r.indicator,
    fastest: storedRules.parse(r.windows)[0]?.firing === true,
  }));
}
