import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { saveDetectedIncident } from "@/lib/db/analyze/save-detected-incident.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { DEFAULT_QUIET_MS, groupIncidents, type DetectedIncident } from "@/lib/domain/incidents.ts";
import { applyIncidentAction } from "./apply-incident-action.ts";

const MIN = 60_000;
const started = Date.UTC(2026, 10, 25, 10, 0);
const at = (minutes: number) => new Date(started + minutes * MIN);
const clusterNow = at(60);
const ana = { name: "Ana", email: "ana@example.com" };
const cluster = { id: "", name: "demo" };
let workloadId = "";
let incidentId = "";

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query<T>(sql, params)).rows;
}

type Stored = { status: string; severity: string; severity_source: string; owner: string | null; acknowledged_at: Date | null; mitigated_at: Date | null; resolved_at: Date | null };
const stored = async () => (await q<Stored>(`SELECT status::text AS status, severity, severity_source, owner, acknowledged_at, mitigated_at, resolved_at FROM incidents WHERE id = $1`, [incidentId]))[0];

// The checkout crash loop as the detector sees it: still going (resolvedAt null) or over at `resolvedAt`.
const detected = (resolvedAt: Date | null): DetectedIncident => {
  const to = (resolvedAt ?? clusterNow).getTime();
  const crashLoop = { workload: "Deployment/shop/checkout", reason: "CrashLoopBackOff" as const, from: started, to, source: "container" as const, detail: "checkout-7f8d2 is in CrashLoopBackOff", severity: "sev2" as const };
  return groupIncidents([crashLoop], resolvedAt ? to + DEFAULT_QUIET_MS : to)[0];
};

beforeEach(async () => {
  await q(`TRUNCATE clusters, users, audit_log CASCADE`);
  [{ id: cluster.id }] = await q<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('demo', 'https://127.0.0.1:6443', 'connected', $1) RETURNING id`, [clusterNow]);
  [{ id: workloadId }] = await q<{ id: string }>(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid) VALUES ($1, 'shop', 'Deployment', 'checkout', 'uid-1') RETURNING id`, [cluster.id]);
  await q(`INSERT INTO users (email, name, role) VALUES ('ana@example.com', 'Ana', 'responder')`);
  const saved = await saveDetectedIncident(cluster, workloadId, detected(null), at(2));
  incidentId = saved?.id ?? "";
});
afterAll(() => closePools());

describe("a responder driving an incident through its lifecycle", () => {
  it("investigating → mitigated → resolved → closed stamps each time, leaves a timeline entry per step and an audit line with the person", async () => {
    expect(await applyIncidentAction(incidentId, { type: "transition", to: "investigating", at: at(5).toISOString() }, ana)).toEqual({ ok: true });
    expect(await applyIncidentAction(incidentId, { type: "transition", to: "mitigated", at: at(20).toISOString() }, ana)).toEqual({ ok: true });
    expect(await applyIncidentAction(incidentId, { type: "transition", to: "resolved", at: at(30).toISOString() }, ana)).toEqual({ ok: true });
    expect(await applyIncidentAction(incidentId, { type: "transition", to: "closed" }, ana)).toEqual({ ok: true });
    expect(await stored()).toMatchObject({ status: "closed", acknowledged_at: at(5), mitigated_at: at(20), resolved_at: at(30) });

    const entries = await q<{ kind: string; title: string; ts: Date; detail: { author: string } }>(`SELECT kind, title, ts, detail FROM timeline_entries WHERE incident_id = $1 ORDER BY ts`, [incidentId]);
    expect(entries.map((e) => e.title)).toEqual(["Moved to investigating", "Impact mitigated", "Marked resolved", "Closed"]);
    expect(entries.every((e) => e.kind === "lifecycle" && e.detail.author === "Ana")).toBe(true);
    expect(entries[3].ts).toEqual(clusterNow);

    const audit = await q<{ action: string; target: string; email: string }>(`SELECT a.action, a.target, u.email FROM audit_log a JOIN users u ON u.id = a.user_id ORDER BY a.id`);
    expect(audit).toHaveLength(4);
    expect(audit[0]).toEqual({ action: "incident.status", target: `incident:${incidentId}`, email: "ana@example.com" });
  });

  it("refuses a skipped step as a conflict and a future time as input to fix, changing nothing", async () => {
    expect(await applyIncidentAction(incidentId, { type: "transition", to: "closed" }, ana)).toMatchObject({ ok: false, status: 409 });
    const future = await applyIncidentAction(incidentId, { type: "acknowledge", at: at(61).toISOString() }, ana);
    expect(future).toEqual({ ok: false, status: 422, error: "acknowledged time 2026-11-25T11:01:00Z is after the cluster's current time 2026-11-25T11:00:00Z; use 2026-11-25T11:00:00Z or earlier" });
    expect(await stored()).toMatchObject({ status: "triage", acknowledged_at: null });
    expect(await q(`SELECT 1 FROM timeline_entries WHERE incident_id = $1`, [incidentId])).toEqual([]);
  });

  it("answers 404 for an incident that does not exist", async () => {
    expect(await applyIncidentAction("4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90", { type: "note", text: "hello" }, ana)).toMatchObject({ ok: false, status: 404 });
  });

  it("notes and status updates are timeline entries with their author and wording", async () => {
    await applyIncidentAction(incidentId, { type: "note", text: "Rollback to 1.4.2 started" }, ana);
    await applyIncidentAction(incidentId, { type: "status-update", publicStatus: "identified", text: "A faulty release; rolling back." }, ana);
    const entries = await q<{ kind: string; detail: Record<string, string> }>(`SELECT kind, detail FROM timeline_entries WHERE incident_id = $1 ORDER BY kind`, [incidentId]);
    expect(entries).toEqual([
      { kind: "note", detail: { author: "Ana", authorEmail: "ana@example.com", message: "Rollback to 1.4.2 started" } },
      { kind: "status-update", detail: { author: "Ana", authorEmail: "ana@example.com", publicStatus: "identified", message: "A faulty release; rolling back." } },
    ]);
  });
});

describe("the detector respects what people set", () => {
  it("keeps a severity a person lowered and the owner they named when it sees the outage again", async () => {
    await applyIncidentAction(incidentId, { type: "severity", severity: "sev4", reason: "internal tool only, no customer impact" }, ana);
    await applyIncidentAction(incidentId, { type: "owner", owner: "@payments-oncall" }, ana);
    await saveDetectedIncident(cluster, workloadId, detected(null), at(40));
    expect(await stored()).toMatchObject({ severity: "sev4", severity_source: "person", owner: "@payments-oncall", status: "triage" });
  });

  it("does not reopen an incident a person resolved while stray signals continue", async () => {
    await applyIncidentAction(incidentId, { type: "transition", to: "resolved", at: at(30).toISOString() }, ana);
    await saveDetectedIncident(cluster, workloadId, detected(null), at(45));
    expect(await stored()).toMatchObject({ status: "resolved", resolved_at: at(30) });
  });

  it("resolves no earlier than a mitigation recorded while it was confirming the recovery", async () => {
    await applyIncidentAction(incidentId, { type: "transition", to: "mitigated", at: at(25).toISOString() }, ana);
    await saveDetectedIncident(cluster, workloadId, detected(at(22)), at(30));
    expect(await stored()).toMatchObject({ status: "resolved", acknowledged_at: at(25), mitigated_at: at(25), resolved_at: at(25) });
  });
});
