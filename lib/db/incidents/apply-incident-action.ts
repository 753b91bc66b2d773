import type pg from "pg";
import { planIncidentAction, type Author, type IncidentAction, type IncidentWrite } from "@/lib/domain/incident-actions.ts";
import type { IncidentStatus, LifecycleState } from "@/lib/domain/incident-lifecycle.ts";
import { withTransaction } from "../with-transaction.ts";

export type ActionOutcome = { ok: true } | { ok: false; status: 404 | 409 | 422; error: string };

type Row = {
  status: IncidentStatus; severity: string; owner: string | null; started_at: Date;
  acknowledged_at: Date | null; mitigated_at: Date | null; resolved_at: Date | null; cluster_now: Date;
};

const ms = (d: Date | null) => (d ? d.getTime() : null);

// Times are cluster times, like every fact about the incident: "now" is the newest time ingest observed
// in the cluster (the demo cluster keeps a clock of its own, replaying hours in minutes), the database's clock before any.
async function lockIncident(client: pg.PoolClient, id: string): Promise<{ state: LifecycleState; clusterNow: number } | null> {
  const { rows } = await client.query<Row>(
    `SELECT i.status::text AS status, i.severity, i.owner, i.started_at, i.acknowledged_at, i.mitigated_at, i.resolved_at,
            COALESCE(c.last_event_at, now()) AS cluster_now
       FROM incidents i JOIN clusters c ON c.id = i.cluster_id WHERE i.id = $1 FOR UPDATE OF i`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const state = { status: r.status, severity: r.severity, owner: r.owner, startedAt: r.started_at.getTime(), acknowledgedAt: ms(r.acknowledged_at), mitigatedAt: ms(r.mitigated_at), resolvedAt: ms(r.resolved_at) };
  return { state, clusterNow: r.cluster_now.getTime() };
}

// Only the columns the action changes are written; a person's severity and status are marked as
// theirs, so the detector leaves them alone (lib/db/analyze/save-detected-incident.ts).
function assignments(w: IncidentWrite): [string, unknown][] {
  const set: [string, unknown][] = [];
  if (w.status !== undefined) set.push(["status", w.status], ["status_source", "person"]);
  if (w.severity !== undefined) set.push(["severity", w.severity], ["severity_source", "person"]);
  if (w.owner !== undefined) set.push(["owner", w.owner]);
  const times = [["acknowledged_at", w.times.acknowledgedAt], ["mitigated_at", w.times.mitigatedAt], ["resolved_at", w.times.resolvedAt]] as const;
  for (const [column, value] of times) if (value !== undefined) set.push([column, value === null ? null : new Date(value)]);
  return set;
}

async function store(client: pg.PoolClient, id: string, w: IncidentWrite, author: Author): Promise<void> {
  const set = assignments(w);
  if (set.length > 0) {
    const sql = set.map(([column], i) => (column === "status" ? `status = $${i + 2}::"IncidentStatus"` : `${column} = $${i + 2}`)).join(", ");
    await client.query(`UPDATE incidents SET ${sql} WHERE id = $1`, [id, ...set.map(([, v]) => v)]);
  }
  // A person's entry has a source key of its own, so re-analysis (keyed by fact) never touches it.
  await client.query(
    `INSERT INTO timeline_entries (incident_id, ts, kind, title, detail, source_key) VALUES ($1, $2, $3, $4, $5, 'person:' || gen_random_uuid())`,
    [id, new Date(w.entry.ts), w.entry.kind, w.entry.title, JSON.stringify(w.entry.detail)],
  );
  await client.query(
    `INSERT INTO audit_log (user_id, action, target, detail) VALUES ((SELECT id FROM users WHERE email = $1), $2, $3, $4)`,
    [author.email, w.audit.action, `incident:${id}`, JSON.stringify(w.audit.detail)],
  );
}

// One responder action, decided against the incident as it is stored at this moment (row locked, so two
// responders acting at once are applied one after the other and the second sees the first).
export async function applyIncidentAction(id: string, action: IncidentAction, author: Author): Promise<ActionOutcome> {
  return withTransaction(async (client) => {
    const locked = await lockIncident(client, id);
    if (!locked) return { ok: false, status: 404, error: `No incident with id ${id}` };
    const decision = planIncidentAction(locked.state, action, author, locked.clusterNow);
    if (!decision.ok) return { ok: false, status: decision.conflict ? 409 : 422, error: decision.error };
    await store(client, id, decision.value, author);
    return { ok: true };
  });
}
