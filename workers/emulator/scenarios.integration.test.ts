import { afterEach, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool.ts";
import { getGuardrailFinding } from "@/lib/db/queries/get-guardrail-finding.ts";
import { getIncident } from "@/lib/db/queries/get-incident.ts";
import type { Emulator } from "./index.ts";
import { groundTruthOf, type ScenarioName, type ScenarioTruth } from "./scenarios/index.ts";
import { PAGE_TAIL_MS } from "@/lib/domain/slo-signals.ts";
import { runAnalysisCycle } from "@/workers/analyze/run-analysis-cycle.ts";
import { createReplayHarness, storedIncidents, type StoredIncident } from "./testing/replay-harness.ts";

// Every scenario, played for an hour or so at 720x (5–8 s), ingested by the
// real ingest worker, analysed once: the incidents Uptrust stores must be the scenario's ground truth.
// Leads leave the ingest a few wall seconds to list the cluster before the story's first change.
const MIN = 60_000;
const harness = createReplayHarness();
let emulator: Emulator | undefined;

afterEach(async () => {
  await harness.stop();
  emulator = undefined;
});

async function analyse(scenario: ScenarioName, leadMinutes: number, opts: { rollups?: boolean; metricsPollMs?: number } = {}): Promise<{ truth: ScenarioTruth; incidents: StoredIncident[] }> {
  const played = await harness.replay(scenario, { leadMinutes, ...opts });
  emulator = played.emulator;
  return { truth: groundTruthOf(scenario, { leadMinutes, scenarioStart: emulator.scenarioStart() }), incidents: played.incidents };
}

// An incident stays open while an SLO of its workload pages (the card and the incident list agree), and a
// page outlasts the outage by up to its 30-minute short window. After the story the cluster runs at wall
// speed, so the analysis is run again as of the time that window has passed, the workload healthy since.
async function analyseOnceThePageClears(workload: string): Promise<StoredIncident[]> {
  const paging = (await sloStatus()).filter((st) => st.workload === workload && st.alert === "page");
  const open = (await storedIncidents()).filter((i) => i.workload === workload && i.resolved_at === null);
  expect(paging.length === 0 || open.length > 0, `${workload} pages with no open incident`).toBe(true);
  const [{ clock }] = (await getPool().query<{ clock: Date }>(`SELECT max(last_event_at) AS clock FROM clusters`)).rows;
  expect((await runAnalysisCycle(new Date(clock.getTime() + PAGE_TAIL_MS + MIN))).filter((o) => !o.ok)).toEqual([]);
  expect((await sloStatus()).filter((st) => st.workload === workload && st.alert === "page")).toEqual([]);
  return storedIncidents();
}

type StoredCause = { kind: string; title: string; score: number; evidence: { source: string; text: string }[] };
const causesOf = async (incidentId: string) => (await getPool().query<{ causes: StoredCause[] }>(`SELECT causes FROM incidents WHERE id = $1`, [incidentId])).rows[0].causes;
// The first probable cause is the story's, and its evidence is what an SRE would check first.
async function expectFirstCause(incidentId: string, kind: string, ...evidence: string[]) {
  const [first, ...rest] = await causesOf(incidentId);
  expect(first?.kind, JSON.stringify([first, ...rest], null, 1)).toBe(kind);
  const told = [first.title, ...first.evidence.map((e) => e.text)].join("\n");
  for (const e of evidence) expect(told).toContain(e);
  return first;
}

const offset = (d: Date) => (d.getTime() - emulator!.scenarioStart().getTime()) / MIN;

type StoredSlo = { workload: string; slo: string; budget_remaining: number; alert: string | null; explanation: string };
const sloStatus = async () =>
  (await getPool().query<StoredSlo>(`SELECT w.name AS workload, s.name AS slo, st.budget_remaining, st.alert, st.explanation FROM slo_status st JOIN slos s ON s.id = st.slo_id JOIN workloads w ON w.id = s.workload_id ORDER BY w.name, s.name`)).rows;

// What the story leaves alone must look alone: no incident and an untouched error budget, or the
// cockpit would page someone for nothing.
async function expectLeftAlone(truth: ScenarioTruth, incidents: StoredIncident[]) {
  const healthy = truth.healthy.map((h) => h.workload.name);
  expect(healthy.length).toBeGreaterThan(0);
  expect(incidents.filter((i) => healthy.includes(i.workload))).toEqual([]);
  const slos = (await sloStatus()).filter((s) => healthy.includes(s.workload));
  expect([...new Set(slos.map((s) => s.workload))].sort()).toEqual([...healthy].sort());
  expect(slos.filter((s) => s.budget_remaining < 1 || s.alert !== null)).toEqual([]);
}

describe("Uptrust's analysis of every scenario", () => {
  it("bad-rollout: exactly one CrashLoopBackOff incident for checkout, the image change before the first BackOff", async () => {
    const { truth, incidents } = await analyse("bad-rollout", 90);
    const [expected] = truth.incidents;
    expect(incidents.map((i) => [i.workload, i.reason])).toEqual([[expected.workload.name, expected.signal]]);
    const [incident] = incidents;
    expect(offset(incident.started_at)).toBeGreaterThanOrEqual(expected.startOffsetMinutes - 0.5);
    expect(offset(incident.started_at)).toBeLessThan(expected.startOffsetMinutes + 2);
    expect(incident.resolved_at).not.toBeNull();
    expect(Math.abs(offset(incident.resolved_at!) - expected.endOffsetMinutes!)).toBeLessThan(5);
    const newTag = String(expected.cause.to).split(":").at(-1)!;
    const timeline = (await getPool().query<{ ts: Date; kind: string; title: string }>(`SELECT ts, kind, title FROM timeline_entries WHERE incident_id = $1 ORDER BY ts`, [incident.id])).rows;
    const change = timeline.find((e) => e.kind === "change" && e.title.includes(newTag));
    const backoff = timeline.find((e) => e.kind === "event" && e.title.includes("BackOff"));
    expect(change, JSON.stringify(timeline.slice(0, 8))).toBeDefined();
    expect(backoff, JSON.stringify(timeline.slice(0, 8))).toBeDefined();
    expect(change!.ts.getTime()).toBeLessThan(backoff!.ts.getTime());
    await expectFirstCause(incident.id, expected.cause.kind, String(expected.cause.to));
    // The availability budget the stuck rollout spent is charged to it, by name.
    const charges = (
      await getPool().query<{ description: string }>(
        `SELECT b.description FROM budget_charges b JOIN slos s ON s.id = b.slo_id JOIN workloads w ON w.id = s.workload_id
          WHERE w.name = $1 AND s.name = 'availability' ORDER BY b.position`,
        [expected.workload.name],
      )
    ).rows;
    expect(charges[0]?.description).toMatch(new RegExp(`^rollout \\d+ of ${expected.workload.name} \\(.*${newTag.replaceAll(".", "\\.")}`));
  });

  it("demo: the bad checkout rollout's first cause is its image change, not reports' OOM kills on the same node", async () => {
    const { truth, incidents } = await analyse("demo", 90);
    const [expected] = truth.incidents;
    const checkout = incidents.filter((i) => i.workload === expected.workload.name);
    expect(checkout.map((i) => i.reason)).toEqual([expected.signal]);
    await expectFirstCause(checkout[0].id, expected.cause.kind, String(expected.cause.to).split(":").at(-1)!);
    // reports' hourly OOM kills are one incident however many the replay held, never a card per kill.
    const reports = incidents.filter((i) => i.workload === "reports");
    expect(reports.length).toBeLessThanOrEqual(1);
  });

  it("memory-leak: reports' OOM kills are one incident with an occurrence per kill, detected at the first", async () => {
    const { truth, incidents } = await analyse("memory-leak", 60);
    const kills = truth.incidents;
    expect(kills.length).toBeGreaterThan(1);
    // One card, not one per kill; the kills the container's status no longer shows (seen as BackOff
    // between them) are occurrences of the same trouble, so the incident is named for the OOM kill.
    expect(incidents.map((i) => [i.workload, i.reason])).toEqual([[kills[0].workload.name, "OOMKilled"]]);
    const [incident] = incidents;
    expect(incident.occurrences).toBe(kills.length);
    expect(Math.abs(offset(incident.started_at) - kills[0].startOffsetMinutes)).toBeLessThan(1);
    expect(Math.abs(offset(incident.last_occurrence_at!) - kills.at(-1)!.startOffsetMinutes)).toBeLessThan(1);
    expect(offset(incident.detected_at) - offset(incident.started_at)).toBeLessThan(1);
    // Each kill is on the timeline, at its time.
    const told = (await getPool().query<{ ts: Date }>(`SELECT ts FROM timeline_entries WHERE incident_id = $1 AND kind = 'occurrence' ORDER BY ts`, [incident.id])).rows;
    expect(told).toHaveLength(kills.length);
    told.forEach((e, k) => expect(Math.abs(offset(e.ts) - kills[k].startOffsetMinutes)).toBeLessThan(1));
    // The kills are explained by the memory limit, with the kernel's own record of it.
    await expectFirstCause(incident.id, kills[0].cause.kind, String(kills[0].cause.memoryLimit), "Memory cgroup out of memory");
  });

  it("configmap-break: one CreateContainerConfigError incident for checkout from the restart until the key is back", async () => {
    const { truth, incidents } = await analyse("configmap-break", 100);
    const [expected] = truth.incidents;
    expect(incidents.map((i) => [i.workload, i.reason])).toEqual([[expected.workload.name, expected.signal]]);
    expect(Math.abs(offset(incidents[0].started_at) - expected.startOffsetMinutes)).toBeLessThan(1);
    expect(Math.abs(offset(incidents[0].resolved_at!) - expected.endOffsetMinutes!)).toBeLessThan(2);
    // The timeline names the missing key, which is what the SRE has to put back.
    const timeline = (await getPool().query<{ title: string }>(`SELECT title FROM timeline_entries WHERE incident_id = $1`, [incidents[0].id])).rows;
    expect(timeline.some((e) => e.title.includes(String(expected.cause.message)))).toBe(true);
    // What changed: the ConfigMap's content, by whom and when, with the hashes the story states; then the restart.
    const changes = (
      await getPool().query<{ kind: string; manager: string; summary: string; before: { contentHash: string }; after: { contentHash: string }; observed_at: Date }>(
        `SELECT c.kind, c.manager, c.summary, c.before, c.after, c.observed_at FROM changes c JOIN workloads w ON w.id = c.workload_id
          WHERE w.name = $1 ORDER BY c.observed_at`,
        [expected.workload.name],
      )
    ).rows;
    const [edit, restart] = changes;
    expect([edit.kind, edit.manager, edit.summary]).toEqual(["configmap", "kubectl-edit", "ConfigMap checkout-config: keys +DB_URL -DATABASE_URL"]);
    expect([edit.before.contentHash, edit.after.contentHash]).toEqual([expected.cause.fromHash, expected.cause.toHash]);
    expect(Math.abs(offset(edit.observed_at) - Number(expected.cause.changedAtOffsetMinutes))).toBeLessThan(0.1);
    expect([restart.kind, restart.manager]).toEqual(["template", "kubectl-rollout"]);
    expect(restart.summary).toMatch(/^rollout restart at /);
    expect(changes[2]).toMatchObject({ kind: "configmap", summary: "ConfigMap checkout-config: keys +DATABASE_URL -DB_URL" });
    await expectFirstCause(incidents[0].id, expected.cause.kind, "ConfigMap checkout-config: keys +DB_URL -DATABASE_URL", "kubectl-edit", "rollout restart");
    await expectLeftAlone(truth, incidents);
  });

  it("node-not-ready: an incident for every workload with a replica on the lost node, over once replacements run", async () => {
    const { truth, incidents } = await analyse("node-not-ready", 45);
    expect(incidents.map((i) => i.workload).sort()).toEqual(truth.incidents.map((e) => e.workload.name).sort());
    for (const expected of truth.incidents) {
      const found = incidents.find((i) => i.workload === expected.workload.name)!;
      // The node lifecycle controller's NodeNotReady on each pod names what happened, ahead of the missing replicas.
      expect(found.reason).toBe(expected.signal);
      expect(offset(found.started_at)).toBeGreaterThanOrEqual(expected.startOffsetMinutes);
      expect(offset(found.started_at)).toBeLessThanOrEqual(Number(expected.cause.notReadyAtOffsetMinutes) + 0.5);
      expect(Math.abs(offset(found.resolved_at!) - expected.endOffsetMinutes!)).toBeLessThan(2);
      await expectFirstCause(found.id, expected.cause.kind, String(expected.cause.node));
      // One lost node seen from several workloads: each incident names the others it shares the cause with.
      const related = (await getIncident(found.id))?.related.map((r) => r.workload?.split("/")[1]).sort();
      expect(related).toEqual(truth.incidents.map((e) => e.workload.name).filter((n) => n !== expected.workload.name).sort());
    }
  });

  it("over-provisioned: suggests requests inside the usage the story states, freeing most of search's 2 CPUs; HPA-managed frontend per replica", async () => {
    const { truth } = await analyse("over-provisioned", 200, { rollups: true, metricsPollMs: 50 });
    const recs = (
      await getPool().query<{ workload: string; container: string; strategy: string; current: number; cpu: number; memory: number; replicas: number; held: boolean; hpa: { cpuTargetUtilization: number; maxReplicas: number; warning: string } | null }>(
        `SELECT w.name AS workload, r.container, r.strategy, r.current_cpu_request_millis AS current, r.cpu_request_millis AS cpu, r.memory_request_bytes AS memory,
                r.replicas, r.held, r.basis->'hpa' AS hpa FROM recommendations r JOIN workloads w ON w.id = r.workload_id`,
      )
    ).rows;
    for (const expected of truth.rightsizing) {
      const mine = recs.filter((r) => r.workload === expected.workload.name && r.container === expected.container);
      // KRR and VPA side by side, both giving CPU back, neither held (nothing burns in this story).
      expect(mine.map((r) => r.strategy).sort(), `${expected.workload.name}: ${JSON.stringify(recs)}`).toEqual(["krr-simple", "vpa"]);
      for (const r of mine) expect([r.cpu < r.current, r.held]).toEqual([true, false]);
      const rec = mine.find((r) => r.strategy === "krr-simple");
      // KRR simple: CPU at the p95 of usage, memory at the peak + 15 %.
      const [cpuLo, cpuHi] = expected.usage.cpuMilli;
      const [memLo, memHi] = expected.usage.memoryMi;
      expect(rec!.cpu).toBeGreaterThanOrEqual(cpuLo);
      expect(rec!.cpu).toBeLessThanOrEqual(cpuHi);
      expect(rec!.memory / 2 ** 20).toBeGreaterThanOrEqual(memLo * 1.15 * 0.99);
      expect(rec!.memory / 2 ** 20).toBeLessThanOrEqual(memHi * 1.15 * 1.01);
      expect(rec!.cpu).toBeLessThan(rec!.current);
    }
    // An HPA scales frontend (cluster-objects.ts: CPU target 70 %, up to 10 replicas): sized per replica
    // with the autoscaler named, instead of no answer; search has no HPA.
    for (const r of recs.filter((x) => x.workload === "frontend")) {
      expect(r.hpa).toMatchObject({ cpuTargetUtilization: 70, maxReplicas: 10 });
      expect(r.hpa!.warning).toMatch(/Sizes are per replica; savings count the \d+ replicas? running now\.$/);
    }
    expect(recs.filter((x) => x.workload === "search").map((r) => r.hpa)).toEqual([null, null]);
  });

  it("healthy: guardrails find what the shop's objects really lack, and credit the PDB and NetworkPolicy it has", async () => {
    await analyse("healthy", 30);
    const findings = (await getPool().query<{ target: string; check: string; severity: string }>(`SELECT target, "check", severity FROM guardrail_findings`)).rows;
    const has = (target: string, check: string) => findings.some((f) => f.target === target && f.check === check);
    // checkout has a PodDisruptionBudget and a NetworkPolicy; frontend has neither policy.
    expect(has("Deployment shop/checkout", "missingNetworkPolicy")).toBe(false);
    expect(has("Deployment shop/frontend", "missingNetworkPolicy")).toBe(true);
    // No securityContext anywhere in the shop: every container may run as root.
    expect(has("Deployment shop/checkout container checkout", "runAsRoot")).toBe(true);
    expect(has("ClusterRole uptrust-reader", "wildcardRbac")).toBe(true);
    // Each finding's page shows what the check read: the pod template's security settings, or the role's rules.
    const [root] = (await getPool().query<{ id: string }>(`SELECT id FROM guardrail_findings WHERE target = 'Deployment shop/checkout container checkout' AND "check" = 'runAsRoot'`)).rows;
    const detail = await getGuardrailFinding(root.id);
    expect(detail?.facts?.source).toBe("Deployment shop/checkout: pod template as ingested");
    expect(JSON.stringify(detail?.facts?.value)).toContain('"runAsNonRoot":null');
    expect(detail?.siblings.some((x) => x.check === "missingNetworkPolicy")).toBe(false);
    const [rbac] = (await getPool().query<{ id: string }>(`SELECT id FROM guardrail_findings WHERE target = 'ClusterRole uptrust-reader' AND "check" = 'wildcardRbac'`)).rows;
    expect(JSON.stringify((await getGuardrailFinding(rbac.id))?.facts?.value)).toContain('"*"');
    const scores = (await getPool().query<{ namespace: string; score: number; dangers: number }>(`SELECT namespace, score, dangers FROM guardrail_scores ORDER BY namespace`)).rows;
    // A score for the cluster ("") and for every namespace with workloads; none perfect, none zero.
    expect(scores.map((s) => s.namespace)).toEqual(["", "ingress-nginx", "kube-system", "shop"]);
    expect(scores.find((s) => s.namespace === "shop")!.dangers).toBeGreaterThan(0);
    for (const s of scores) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThan(100);
    }
  });

  it("healthy: no incident, every error budget whole", async () => {
    const { truth, incidents } = await analyse("healthy", 45);
    expect(incidents).toEqual([]);
    await expectLeftAlone(truth, incidents);
  });

  // Error-rate and latency stories are found through the request SLOs that access logs feed: the page
  // alert raises the incident, which starts when users were first hurt and ends when they no longer are.
  const requestStories = [
    { scenario: "dns-outage", lead: 70, evidence: ["kube-system/coredns", "SERVFAIL", "no such host"] },
    { scenario: "cpu-throttling", lead: 100, evidence: ["1000m CPU limit"] },
    { scenario: "noisy-neighbour", lead: 90, evidence: ["shop/search-reindex", "node-b", "BestEffort"] },
  ] as const;
  for (const { scenario, lead, evidence } of requestStories) {
    it(`${scenario}: one incident for the workload whose users were hurt, over the story's window, nothing on the bystanders`, async () => {
      const { truth, incidents } = await analyse(scenario, lead);
      const [expected] = truth.incidents;
      expect(incidents.map((i) => [i.workload, i.reason])).toEqual([[expected.workload.name, expected.signal]]);
      expect(Math.abs(offset(incidents[0].started_at) - expected.startOffsetMinutes)).toBeLessThan(2);
      expect(incidents[0].resolved_at).not.toBeNull();
      expect(Math.abs(offset(incidents[0].resolved_at!) - expected.endOffsetMinutes!)).toBeLessThan(3);
      await expectFirstCause(incidents[0].id, expected.cause.kind, ...evidence);
      // The page alert is on its timeline, dated when users were first hurt (failed lookups in the log
      // can start the incident a minute before the first failed request).
      const alerts = (await getPool().query<{ ts: Date; title: string }>(`SELECT ts, title FROM timeline_entries WHERE incident_id = $1 AND kind = 'slo'`, [incidents[0].id])).rows;
      expect(alerts.length).toBeGreaterThan(0);
      for (const a of alerts) expect(a.title).toMatch(/ SLO paged: burning \d+(\.\d+)?× over \d+ h/);
      const firstHurt = Math.min(...alerts.map((a) => a.ts.getTime())) - incidents[0].started_at.getTime();
      expect(firstHurt).toBeGreaterThanOrEqual(0);
      expect(firstHurt).toBeLessThanOrEqual(2 * MIN);
      if (scenario === "dns-outage") {
        // The failed lookups in checkout's log are a signal of the same incident, not a second one.
        const [row] = (await getPool().query<{ summary: string }>(`SELECT summary FROM incidents WHERE id = $1`, [incidents[0].id])).rows;
        expect(row.summary).toMatch(/\d+ failed name lookups, e\.g\. /);
      }
      await expectLeftAlone(truth, incidents);
    });
  }

  it("image-pull: one ImagePullBackOff incident for checkout while the missing tag was rolled out", async () => {
    const { truth } = await analyse("image-pull", 90);
    const [expected] = truth.incidents;
    const incidents = await analyseOnceThePageClears(expected.workload.name);
    expect(incidents.map((i) => [i.workload, i.reason])).toEqual([[expected.workload.name, expected.signal]]);
    expect(Math.abs(offset(incidents[0].started_at) - expected.startOffsetMinutes)).toBeLessThan(1);
    expect(incidents[0].resolved_at).not.toBeNull();
    expect(Math.abs(offset(incidents[0].resolved_at!) - expected.endOffsetMinutes!)).toBeLessThan(5);
    await expectFirstCause(incidents[0].id, expected.cause.kind, String(expected.cause.image), String(expected.cause.eventMessage));
    // The rollout that asked for the missing image is the pull failure's evidence, not a second cause.
    expect((await causesOf(incidents[0].id)).filter((c) => c.kind === "ImageChange")).toEqual([]);
  });
});
