import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { applyIncidentAction } from "@/lib/db/incidents/apply-incident-action.ts";
import { upsertSliSamples } from "@/lib/db/analyze/sli-samples.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { evaluateSlos } from "@/workers/analyze/evaluate-slos.ts";
import { getPostmortem } from "./get-postmortem.ts";

const MIN = 60_000;
const started = Date.UTC(2026, 10, 25, 10, 0);
const at = (minutes: number) => new Date(started + minutes * MIN);
let incidentId = "";

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query<T>(sql, params)).rows;
}

// checkout: 4 replicas, availability SLO 99.9%; a day of healthy minutes, then 20 minutes at 3 of 4.
beforeAll(async () => {
  await q(`TRUNCATE clusters, users, audit_log CASCADE`);
  const [{ id: c }] = await q<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ('demo', 'https://x', 'connected', $1) RETURNING id`, [at(120)]);
  const [{ id: w }] = await q<{ id: string }>(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid) VALUES ($1, 'shop', 'Deployment', 'checkout', 'u') RETURNING id`, [c]);
  const [{ id: slo }] = await q<{ id: string }>(`INSERT INTO slos (workload_id, name, target) VALUES ($1, 'availability', 0.999) RETURNING id`, [w]);
  // The minutes as the SLI rollup writes them, then the SLO evaluated at 12:00 as the analyzer does.
  const minutes = Array.from({ length: 1560 }, (_, i) => i - 1440);
  await upsertSliSamples(minutes.map((m) => ({ sloId: slo, ts: at(m).getTime(), good: m >= 0 && m < 20 ? 3 : 4, total: 4 })));
  await evaluateSlos({ id: c, name: "demo" }, at(120));
  const causes = [{ kind: "ImageChange", title: "The checkout image changed just before the crash loop", score: 0.9, evidence: [{ source: "change", ts: at(-1).getTime(), text: "image checkout: 1.4.2 → 1.5.0" }] }];
  [{ id: incidentId }] = await q<{ id: string }>(
    `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, severity, status, started_at, detected_at, resolved_at, causes)
     VALUES ($1, $2, 'f', 'checkout is crash-looping (CrashLoopBackOff)', 'CrashLoopBackOff', 'sev2', 'resolved', $3, $4, $5, $6) RETURNING id`,
    [c, w, at(0), at(2), at(20), JSON.stringify(causes)],
  );
  await applyIncidentAction(incidentId, { type: "note", text: "Rolled back to 1.4.2" }, { name: "Ana", email: "ana@example.com" });
});
afterAll(async () => {
  await closePools();
  await disconnectPrisma();
});

describe("the postmortem draft of a stored incident", () => {
  it("says the incident spent the share of the budget the SLO page says was spent, not a burn rate", async () => {
    const md = await getPostmortem(incidentId);
    // 26 hours measured, 6,240 events: a 30-day window of that traffic allows 172.8 to fail. All 20 bad ones
    // were the incident's, so its share is the window's whole spend (it read 342.5 % when divided by the
    // events measured so far, which is a burn rate).
    const [status] = await q<{ budget_remaining: number }>(`SELECT budget_remaining FROM slo_status`);
    expect((1 - status.budget_remaining) * 100).toBeCloseTo(11.574, 2);
    expect(md).toContain(
      "- availability (target 99.9%): 11.6% of the 30-day budget (20 bad events of the 172.8 allowed); the window has spent 11.6% in all as of 2026-11-25 12:00:00 UTC.",
    );
  });

  it("carries the stored causes, the milestones and a note with its author", async () => {
    const md = await getPostmortem(incidentId);
    expect(md).toContain("1. **The checkout image changed just before the crash loop** (ImageChange, 90% evidence strength)");
    expect(md).toContain("| Resolved | 2026-11-25 10:20:00 | 20m |");
    expect(md).toMatch(/\| note \| Note: Rolled back to 1\.4\.2 \(recorded by Ana\) \|/);
  });

  it("is null for an incident that does not exist", async () => {
    expect(await getPostmortem("4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90")).toBeNull();
  });
});
