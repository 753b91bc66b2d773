import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { parseGuardrailFilter } from "@/lib/domain/guardrail-filter.ts";
import { parseScope } from "@/lib/domain/scope.ts";
import { guardrailScore, workloadChecks, type WorkloadSpec } from "@/lib/domain/guardrails.ts";
import { getGuardrailFindings } from "./get-guardrail-findings.ts";
import { getGuardrails } from "./get-guardrails.ts";

const now = new Date("2026-11-25T12:00:00Z");
const filter = (search: string) => parseGuardrailFilter(new URLSearchParams(search)).filter;

// Two clusters' workloads checked by the domain's own checks, stored as the analyzer stores them.
const spec = (namespace: string, name: string, root: boolean): WorkloadSpec => ({
  kind: "Deployment", namespace, name, replicas: 1, hostNetwork: false, hostPID: false, hostIPC: false, hasPdb: false, hasNetworkPolicy: false,
  containers: [{
    name, image: `${name}:latest`, privileged: false, allowPrivilegeEscalation: root ? null : false, runAsNonRoot: !root, runAsUser: root ? 0 : 1000,
    capabilitiesAdded: [], requests: {}, limits: {}, livenessProbe: false, readinessProbe: true, secretEnv: [],
  }],
});

beforeAll(async () => {
  const pool = getPool();
  await pool.query(`TRUNCATE clusters CASCADE`);
  for (const [cluster, workloads] of [["prod-eu", [spec("shop", "checkout", true), spec("shop", "cart", false), spec("payments", "ledger", true)]], ["staging", [spec("shop", "checkout", false)]]] as const) {
    const { rows: [{ id }] } = await pool.query<{ id: string }>(`INSERT INTO clusters (name, server, status, last_event_at) VALUES ($1, 'https://x', 'connected', $2) RETURNING id`, [cluster, now]);
    const byNamespace = new Map<string, ReturnType<typeof workloadChecks>>();
    for (const w of workloads) {
      const { rows: [{ id: workloadId }] } = await pool.query<{ id: string }>(
        `INSERT INTO workloads (cluster_id, namespace, kind, name, uid) VALUES ($1, $2, 'Deployment', $3, gen_random_uuid()::text) RETURNING id`, [id, w.namespace, w.name]);
      const results = workloadChecks(w);
      byNamespace.set(w.namespace, [...(byNamespace.get(w.namespace) ?? []), ...results]);
      for (const r of results.filter((x) => !x.passed)) {
        await pool.query(`INSERT INTO guardrail_findings (cluster_id, workload_id, namespace, target, "check", severity, message, first_seen) VALUES ($1, $8, $2, $3, $4, $5, $6, $7)`,
          [id, w.namespace, r.target, r.check, r.severity, r.message, now, workloadId]);
      }
    }
    for (const [ns, results] of [...byNamespace, ["", [...byNamespace.values()].flat()] as const]) {
      const count = (p: (x: (typeof results)[number]) => boolean) => results.filter(p).length;
      await pool.query(`INSERT INTO guardrail_scores (cluster_id, namespace, score, passed, warnings, dangers, computed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, ns, guardrailScore(results), count((x) => x.passed), count((x) => !x.passed && x.severity === "warning"), count((x) => !x.passed && x.severity === "danger"), now]);
    }
  }
});
afterAll(async () => {
  await closePools();
});

describe("the guardrails page", () => {
  it("counts, unfiltered, the findings the cockpit's panel says there are", async () => {
    const [page, cockpit] = [await getGuardrailFindings(filter("")), await getGuardrails()];
    expect(page.total).toBe(cockpit.totalFindings);
    expect(page.total).toBeGreaterThan(25);
    // Dangers come first, 25 a page, and the pages together hold every finding once.
    expect(page.findings[0].severity).toBe("danger");
    const rest = await getGuardrailFindings(filter("page=2"));
    expect(new Set([...page.findings, ...rest.findings].map((f) => f.id)).size).toBe(page.total);
  });

  it("counts, scoped as the cockpit is, the findings the scoped cockpit's panel says there are", async () => {
    for (const search of ["cluster=prod-eu", "ns=shop", "cluster=prod-eu&ns=shop&q=check"]) {
      const cockpit = await getGuardrails(parseScope(new URLSearchParams(search)).scope);
      expect([search, (await getGuardrailFindings(filter(search))).total]).toEqual([search, cockpit.totalFindings]);
    }
    const checkout = await getGuardrailFindings(filter("q=checkout"));
    expect(checkout.total).toBeGreaterThan(0);
    expect(checkout.findings.every((f) => f.target.includes("checkout"))).toBe(true);
  });

  it("narrows to a cluster, a namespace, a check and a severity, all at once", async () => {
    const view = await getGuardrailFindings(filter("cluster=prod-eu&ns=shop&check=runAsRoot&severity=danger"));
    expect(view.findings.map((f) => f.target)).toEqual(["Deployment shop/checkout container checkout"]);
    expect(view.total).toBe(1);
  });

  it("shows each namespace's score as the domain defines it, for the clusters and namespaces kept", async () => {
    const view = await getGuardrailFindings(filter("cluster=prod-eu&ns=payments"));
    expect(view.scores.map((x) => [x.namespace, x.score])).toEqual([
      ["", expect.any(Number)],
      ["payments", guardrailScore(workloadChecks(spec("payments", "ledger", true)))],
    ]);
    expect(view.options.clusters).toEqual(["prod-eu", "staging"]);
    expect(view.options.checks.find((c) => c.check === "runAsRoot")?.findings).toBe(2);
  });
});
