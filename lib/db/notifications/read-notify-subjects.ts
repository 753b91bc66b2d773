import { z } from "zod";
import type { IncidentSubject, SloSubject } from "@/lib/domain/notifications/plan-notifications.ts";
import { likelyCauseOf } from "../queries/map-causes.ts";
import { getPool } from "../pool.ts";

const OPEN = `('triage','investigating','mitigated')`;

const incidentState = z.object({ status: z.string(), severity: z.string(), acknowledged: z.boolean(), seq: z.number().int() });
const sloState = z.object({ paging: z.boolean(), told: z.boolean().optional(), seq: z.number().int() });
const lastOf = <T>(schema: z.ZodType<T>, value: unknown): T | null => (value == null ? null : (schema.safeParse(value).data ?? null));

type Workload = { kind: string | null; namespace: string | null; name: string | null };
const workloadName = (w: Workload) => (w.kind && w.name ? `${w.kind} ${w.namespace}/${w.name}` : null);

// Incidents that are open now, or were open when last notified (their resolution is news); nothing older.
export async function readIncidentSubjects(): Promise<IncidentSubject[]> {
  const { rows } = await getPool().query<Workload & {
    id: string; title: string; severity: string; status: string; owner: string | null; acknowledged_at: Date | null; detected_at: Date;
    resolved_at: Date | null; causes: unknown; cluster: string; state: unknown;
  }>(
    `SELECT i.id, i.title, i.severity, i.status::text AS status, i.owner, i.acknowledged_at, i.detected_at, i.resolved_at, i.causes,
            c.name AS cluster, w.kind::text AS kind, w.namespace, w.name, ns.state
       FROM incidents i JOIN clusters c ON c.id = i.cluster_id LEFT JOIN workloads w ON w.id = i.workload_id
       LEFT JOIN notification_states ns ON ns.subject = 'incident:' || i.id
      WHERE i.status IN ${OPEN} OR ns.state ->> 'status' IN ${OPEN}`,
  );
  return rows.map((r) => ({
    id: r.id, title: r.title, cluster: r.cluster, namespace: r.namespace, workload: workloadName(r),
    severity: r.severity, status: r.status, owner: r.owner, acknowledgedAt: r.acknowledged_at?.getTime() ?? null,
    detectedAt: r.detected_at.getTime(), resolvedAt: r.resolved_at?.getTime() ?? null, cause: likelyCauseOf(r.causes),
    last: lastOf(incidentState, r.state),
  }));
}

// SLOs whose status pages now (as their cards show it), or paged when last notified.
export async function readSloSubjects(): Promise<SloSubject[]> {
  const { rows } = await getPool().query<Workload & { id: string; slo: string; cluster: string; paging: boolean; state: unknown }>(
    `SELECT s.id, s.name AS slo, c.name AS cluster, w.kind::text AS kind, w.namespace, w.name, coalesce(st.alert = 'page', false) AS paging, ns.state
       FROM slos s JOIN workloads w ON w.id = s.workload_id JOIN clusters c ON c.id = w.cluster_id
       LEFT JOIN slo_status st ON st.slo_id = s.id LEFT JOIN notification_states ns ON ns.subject = 'slo:' || s.id
      WHERE st.alert = 'page' OR (ns.state ->> 'paging')::boolean`,
  );
  return rows.map((r) => ({
    id: r.id, title: `${r.slo} of ${r.namespace}/${r.name}`, cluster: r.cluster, namespace: r.namespace, workload: workloadName(r),
    paging: r.paging, last: lastOf(sloState, r.state),
  }));
}
