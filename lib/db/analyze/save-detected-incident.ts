import { getPool } from "@/lib/db/pool.ts";
import { incidentOf, strongerReason, type DetectedIncident, type Occurrence } from "@/lib/domain/incidents.ts";
import { incidentFingerprint, incidentSummary, incidentTitle } from "@/lib/domain/incidents.ts";
import type { IncidentReason } from "@/lib/domain/incident-signals.ts";
import { parseWorkloadKey } from "@/lib/domain/incident-signals.ts";
import type { ProbableCause } from "@/lib/domain/causes/types.ts";

type StoredIncident = {
  id: string; reason: IncidentReason; status: string; started_at: Date; resolved_at: Date | null; severity: string;
  severity_source: string; status_source: string;
};

export type SavedIncident = {
  id: string; reason: IncidentReason; startedAt: Date; endAt: Date; created: boolean; changed: boolean; open: boolean;
  /** The occurrences as detected this cycle, each told on the timeline. */
  occurrences: readonly Occurrence[];
  /** The occurrences are all of the incident's (this cycle's facts reach back to its start). */
  allOccurrences: boolean;
};

// Reconciles one detected incident with what is stored. The stored incident of the same workload whose
// [started_at, resolved_at] overlaps it is the same outage: it is updated (earliest start, most specific
// reason, resolution), never duplicated. Incidents a person closed or cancelled are left as they are;
// one Uptrust resolved is reopened if the outage turns out to continue. A severity a person chose is
// theirs, and so is a resolution a person declared: the detector keeps both; occurrences that began after
// such an incident ended are a new incident. Detection is the earliest cluster time the signals were
// visible (never a cycle's clock), occurrences are counted, and MTTx reads the one row (lib/domain/mttx.ts).
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

  const occurrences = d.occurrences.length;
  const lastOccurrence = new Date(d.occurrences[occurrences - 1].startedAt);

  if (!stored) {
    const reason = d.reason;
    const status = d.resolvedAt === null ? "triage" : "resolved";
    const { rows: inserted } = await pool.query<{ id: string }>(
      `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, severity, status, started_at, detected_at, resolved_at, summary, occurrences, last_occurrence_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::"IncidentStatus", $8, $9, $10, $11, $12, $13)
       ON CONFLICT (fingerprint, started_at) DO UPDATE SET resolved_at = EXCLUDED.resolved_at, status = EXCLUDED.status
         WHERE incidents.status_source = 'detector' AND incidents.status NOT IN ('closed', 'cancelled')
       RETURNING id`,
      [cluster.id, workloadId, incidentFingerprint(cluster.name, d.workload, reason), incidentTitle(name, reason), reason, d.severity, status, start,
        new Date(d.detectedAt), d.resolvedAt === null ? null : end, incidentSummary(d), occurrences, lastOccurrence],
    );
    if (!inserted[0]) return null;
    return { id: inserted[0].id, reason, startedAt: start, endAt: end, created: true, changed: true, open: d.resolvedAt === null, occurrences: d.occurrences, allOccurrences: true };
  }

  const resolvedByPerson = stored.status === "resolved" && stored.status_source === "person";
  if (stored.status === "closed" || stored.status === "cancelled" || resolvedByPerson) {
    // What a person ended stays ended; the trouble recurring after it is news.
    const after = stored.resolved_at ? d.occurrences.filter((o) => o.startedAt > stored.resolved_at!.getTime()) : [];
    if (after.length > 0) return saveDetectedIncident(cluster, workloadId, incidentOf(d.workload, after), now);
  }
  if (stored.status === "closed" || stored.status === "cancelled") {
    return { id: stored.id, reason: stored.reason, startedAt: stored.started_at, endAt: stored.resolved_at ?? end, created: false, changed: false, open: false, occurrences: [], allOccurrences: false };
  }

  const reason = strongerReason(stored.reason, d.reason);
  const startedAt = stored.started_at.getTime() <= d.startedAt ? stored.started_at : start;
  const severity = stored.severity_source === "person" ? stored.severity : stored.severity === "sev2" || d.severity === "sev2" ? "sev2" : stored.severity;
  const resolvedAt = resolvedByPerson ? stored.resolved_at : d.resolvedAt === null ? null : end;
  // Uptrust moves an incident to resolved when service is back, and back to triage only if it had
  // resolved it itself; investigating/mitigated set by responders are kept while it is still open.
  const status = resolvedByPerson ? stored.status : resolvedAt ? "resolved" : stored.status === "resolved" ? "triage" : stored.status;
  const statusSource = status === stored.status ? stored.status_source : "detector";
  // Recovery is confirmed a quiet period late, so a responder may have acknowledged or mitigated after
  // the moment service came back; the resolution is then the latest of those, keeping the times ordered.
  // Detection keeps the earliest visibility seen (late facts can only move it earlier), never before the
  // start. When this cycle's facts reach back to the incident's start its occurrences are all of them and
  // the count and last occurrence are theirs (an earlier cycle may have chained two kills into one); only
  // when older occurrences fell out of the facts read does the count keep the larger stored one.
  const allOccurrences = d.startedAt <= stored.started_at.getTime();
  const { rowCount } = await pool.query(
    `WITH next AS (
       SELECT $2::text AS fingerprint, $3::text AS title, $4::text AS reason, $5::text AS severity, $6::"IncidentStatus" AS status, $7::timestamptz AS started_at,
              CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE GREATEST($8::timestamptz, acknowledged_at, mitigated_at) END AS resolved_at,
              $9::text AS summary, $10::text AS status_source, GREATEST($7::timestamptz, LEAST(detected_at, $11::timestamptz)) AS detected_at,
              CASE WHEN $14 THEN $12::int ELSE GREATEST(occurrences, $12::int) END AS occurrences,
              CASE WHEN $14 THEN $13::timestamptz ELSE GREATEST(last_occurrence_at, $13::timestamptz) END AS last_occurrence_at
         FROM incidents WHERE id = $1)
     UPDATE incidents i SET fingerprint = n.fingerprint, title = n.title, reason = n.reason, severity = n.severity, status = n.status, started_at = n.started_at,
            resolved_at = n.resolved_at, summary = n.summary, status_source = n.status_source, detected_at = n.detected_at,
            occurrences = n.occurrences, last_occurrence_at = n.last_occurrence_at
       FROM next n
      WHERE i.id = $1 AND (i.fingerprint, i.title, i.reason, i.severity, i.status, i.started_at, i.resolved_at, i.summary, i.status_source, i.detected_at, i.occurrences, i.last_occurrence_at)
            IS DISTINCT FROM (n.fingerprint, n.title, n.reason, n.severity, n.status, n.started_at, n.resolved_at, n.summary, n.status_source, n.detected_at, n.occurrences, n.last_occurrence_at)`,
    [stored.id, incidentFingerprint(cluster.name, d.workload, reason), incidentTitle(name, reason), reason, severity, status, startedAt, resolvedAt, incidentSummary(d), statusSource,
      new Date(d.detectedAt), occurrences, lastOccurrence, allOccurrences],
  );
  return { id: stored.id, reason, startedAt, endAt: resolvedAt ?? now, created: false, changed: (rowCount ?? 0) > 0, open: resolvedAt === null, occurrences: d.occurrences, allOccurrences };
}

// The earliest start of an incident the next facts may still extend: one still open, or one that ended
// less than `recurrenceMs` ago (its trouble recurring is another occurrence of it, counted from its first).
export async function listOpenIncidentStarts(clusterId: string, now: Date, recurrenceMs: number): Promise<Date | null> {
  const { rows } = await getPool().query<{ ts: Date | null }>(
    `SELECT min(started_at) AS ts FROM incidents WHERE cluster_id = $1 AND status NOT IN ('closed', 'cancelled')
        AND (resolved_at IS NULL OR resolved_at >= $2::timestamptz - $3 * interval '1 millisecond')`,
    [clusterId, now, recurrenceMs],
  );
  return rows[0]?.ts ?? null;
}

// Causes are re-derived with the timeline; an incident keeps the ones its latest facts support.
export async function saveIncidentCauses(incidentId: string, causes: readonly ProbableCause[]): Promise<void> {
  await getPool().query(`UPDATE incidents SET causes = $2 WHERE id = $1 AND causes IS DISTINCT FROM $2::jsonb`, [incidentId, JSON.stringify(causes)]);
}
