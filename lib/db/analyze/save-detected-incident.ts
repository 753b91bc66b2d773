import { getPool } from "@/lib/db/pool.ts";
import { strongerReason, type DetectedIncident } from "@/lib/domain/incidents.ts";
import { incidentFingerprint, incidentSummary, incidentTitle } from "@/lib/domain/incidents.ts";
import type { IncidentReason } from "@/lib/domain/incident-signals.ts";
import { parseWorkloadKey } from "@/lib/domain/incident-signals.ts";
import type { ProbableCause } from "@/lib/domain/causes/types.ts";

type StoredIncident = {
  id: string; reason: IncidentReason; status: string; started_at: Date; resolved_at: Date | null; severity: string;
  severity_source: string; status_source: string;
};

export type SavedIncident = { id: string; reason: IncidentReason; startedAt: Date; endAt: Date; created: boolean; changed: boolean; open: boolean };

// Reconciles one detected incident with what is stored. The stored incident of the same workload whose
// [started_at, resolved_at] overlaps it is the same outage: it is updated (earliest start, most specific
// reason, resolution), never duplicated. Incidents a person closed or cancelled are left as they are;
// one Uptrust resolved is reopened if the outage turns out to continue. A severity a person chose is
// theirs, and so is a resolution a person declared: the detector keeps both.
export async function saveDetectedIncident(cluster: { id: string; name: string }, workloadId: string, d: DetectedIncident, now: Date): Promise<SavedIncident | null> {
  const pool = getPool();
  const start = new Date(d.startedAt);
  const end = d.resolvedAt === null ? now : new Date(d.resolvedAt);
  const { rows } = await pool.query<StoredIncident>(
    `SELECT id, reason, status::text AS status, started_at, resolved_at, severity, severity_source, status_source FROM incidents
      WHERE cluster_id = $1 AND workload_id = $2 AND started_at <= $4 AND (resolved_at IS NULL OR resolved_at >= $3)
      ORDER BY started_at LIMIT 1`,
    [cluster.id, workloadId, start, end],
  );
  const stored = rows[0];
  const name = parseWorkloadKey(d.workload).name;

  if (!stored) {
    const reason = d.reason;
    const status = d.resolvedAt === null ? "triage" : "resolved";
    const { rows: inserted } = await pool.query<{ id: string }>(
      `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, severity, status, started_at, detected_at, resolved_at, summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7::"IncidentStatus", $8, $9, $10, $11)
       ON CONFLICT (fingerprint, started_at) DO UPDATE SET resolved_at = EXCLUDED.resolved_at, status = EXCLUDED.status
         WHERE incidents.status_source = 'detector' AND incidents.status NOT IN ('closed', 'cancelled')
       RETURNING id`,
      [cluster.id, workloadId, incidentFingerprint(cluster.name, d.workload, reason), incidentTitle(name, reason), reason, d.severity, status, start, now, d.resolvedAt === null ? null : end, incidentSummary(d)],
    );
    if (!inserted[0]) return null;
    return { id: inserted[0].id, reason, startedAt: start, endAt: end, created: true, changed: true, open: d.resolvedAt === null };
  }

  if (stored.status === "closed" || stored.status === "cancelled") return { id: stored.id, reason: stored.reason, startedAt: stored.started_at, endAt: stored.resolved_at ?? end, created: false, changed: false, open: false };

  const reason = strongerReason(stored.reason, d.reason);
  const startedAt = stored.started_at.getTime() <= d.startedAt ? stored.started_at : start;
  const severity = stored.severity_source === "person" ? stored.severity : stored.severity === "sev2" || d.severity === "sev2" ? "sev2" : stored.severity;
  const resolvedByPerson = stored.status === "resolved" && stored.status_source === "person";
  const resolvedAt = resolvedByPerson ? stored.resolved_at : d.resolvedAt === null ? null : end;
  // Uptrust moves an incident to resolved when service is back, and back to triage only if it had
  // resolved it itself; investigating/mitigated set by responders are kept while it is still open.
  const status = resolvedByPerson ? stored.status : resolvedAt ? "resolved" : stored.status === "resolved" ? "triage" : stored.status;
  const statusSource = status === stored.status ? stored.status_source : "detector";
  // Recovery is confirmed a quiet period late, so a responder may have acknowledged or mitigated after
  // the moment service came back; the resolution is then the latest of those, keeping the times ordered.
  const { rowCount } = await pool.query(
    `UPDATE incidents SET fingerprint = $2, title = $3, reason = $4, severity = $5, status = $6::"IncidentStatus",
            started_at = $7, resolved_at = CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE GREATEST($8::timestamptz, acknowledged_at, mitigated_at) END,
            summary = $9, status_source = $10
      WHERE id = $1 AND (fingerprint, title, reason, severity, status, started_at, resolved_at, summary, status_source)
            IS DISTINCT FROM ($2, $3, $4, $5, $6::"IncidentStatus", $7::timestamptz,
                              CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE GREATEST($8::timestamptz, acknowledged_at, mitigated_at) END, $9, $10)`,
    [stored.id, incidentFingerprint(cluster.name, d.workload, reason), incidentTitle(name, reason), reason, severity, status, startedAt, resolvedAt, incidentSummary(d), statusSource],
  );
  return { id: stored.id, reason, startedAt, endAt: resolvedAt ?? now, created: false, changed: (rowCount ?? 0) > 0, open: resolvedAt === null };
}

export async function listOpenIncidentStarts(clusterId: string): Promise<Date | null> {
  const { rows } = await getPool().query<{ ts: Date | null }>(
    `SELECT min(started_at) AS ts FROM incidents WHERE cluster_id = $1 AND resolved_at IS NULL AND status NOT IN ('closed', 'cancelled')`,
    [clusterId],
  );
  return rows[0]?.ts ?? null;
}

// Causes are re-derived with the timeline; an incident keeps the ones its latest facts support.
export async function saveIncidentCauses(incidentId: string, causes: readonly ProbableCause[]): Promise<void> {
  await getPool().query(`UPDATE incidents SET causes = $2 WHERE id = $1 AND causes IS DISTINCT FROM $2::jsonb`, [incidentId, JSON.stringify(causes)]);
}
