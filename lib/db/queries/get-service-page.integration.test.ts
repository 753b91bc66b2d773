import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertLogLines } from "@/lib/db/ingest/insert-log-lines.ts";
import { upsertEvents } from "@/lib/db/ingest/insert-events.ts";
import { ensureDefaultSlos } from "@/lib/db/analyze/ensure-default-slos.ts";
import { saveGuardrails } from "@/lib/db/analyze/save-guardrails.ts";
import { upsertSliSamples } from "@/lib/db/analyze/sli-samples.ts";
import { availabilityMinutes } from "@/lib/domain/availability-sli.ts";
import { recordWorkload } from "@/lib/db/ingest/record-workload.ts";
import { advanceClusterClock, upsertCluster } from "@/lib/db/ingest/upsert-cluster.ts";
import { upsertPods } from "@/lib/db/ingest/upsert-pods.ts";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { createLogRedactor } from "@/lib/domain/redact.ts";
import { mapEvent } from "@/lib/k8s/map-event.ts";
import { mapPod } from "@/lib/k8s/map-pod.ts";
import { mapWorkload } from "@/lib/k8s/map-workload.ts";
import { parseLogLine } from "@/lib/k8s/parse-log-line.ts";
import type { Mapped } from "@/lib/k8s/mapped.ts";
import { getServiceLogView } from "./get-service-log-view.ts";
import { getServicePage } from "./get-service-page.ts";
import { getServiceTarget } from "./get-service-target.ts";

// checkout's bad rollout, stored by the functions the ingest worker runs: 1.5.0 applied by kubectl at
// 08:02 crash-loops (kubelet backs off from 08:03), one replica of four stays down, 1.4.2 is rolled back
// at 08:22. The cluster's newest report is 09:00.
const t = (hhmm: string) => `2026-12-06T${hhmm}:00Z`;
const value = <T>(m: Mapped<T>): T => {
  if (!m.ok) throw new Error(m.reason);
  return m.value;
};

function deployment(image: string, manager: string, at: string, revision: string, ready: number) {
  return {
    metadata: {
      name: "checkout", namespace: "shop", uid: "uid-checkout", generation: Number(revision), creationTimestamp: t("00:00"),
      annotations: { "deployment.kubernetes.io/revision": revision },
      managedFields: [{ manager, operation: "Update", time: at, fieldsV1: { "f:spec": { "f:template": {} } } }],
    },
    spec: { replicas: 4, template: { metadata: { labels: { app: "checkout" } }, spec: { containers: [{ name: "checkout", image }] } } },
    status: { observedGeneration: Number(revision), replicas: 4, readyReplicas: ready, availableReplicas: ready, updatedReplicas: ready, conditions: [{ lastUpdateTime: at, lastTransitionTime: at }] },
  };
}

const event = (uid: string, pod: string, reason: string, message: string, first: string, last: string, count: number) => ({
  metadata: { uid, namespace: "shop", creationTimestamp: first },
  involvedObject: { kind: "Pod", name: pod, namespace: "shop" }, reason, message, type: "Warning", count, firstTimestamp: first, lastTimestamp: last,
});

const pod = (name: string, uid: string, waiting: string | null) => ({
  metadata: { name, namespace: "shop", uid, creationTimestamp: t("08:02"), labels: { "pod-template-hash": "7d9f" }, ownerReferences: [{ kind: "ReplicaSet", name: "checkout-7d9f", controller: true }] },
  spec: { containers: [{ name: "checkout", image: "shop/checkout:1.5.0" }] },
  status: { phase: "Running", startTime: t("08:02"), containerStatuses: [{ name: "checkout", restartCount: 6, state: waiting ? { waiting: { reason: waiting } } : { running: { startedAt: t("08:02") } } }] },
});

let clusterId: string;
const names = { cluster: "svc-demo", namespace: "shop", kind: "Deployment", name: "checkout" };

beforeAll(async () => {
  const db = getPool();
  await db.query("TRUNCATE clusters, users CASCADE");
  clusterId = await upsertCluster(db, "svc-demo", "https://svc-demo:6443");
  const store = (obj: unknown) => recordWorkload(db, clusterId, value(mapWorkload("Deployment", obj, new Date(t("00:00")))));
  await store(deployment("shop/checkout:1.4.2", "helm", t("06:00"), "1", 4));
  await store(deployment("shop/checkout:1.5.0", "kubectl-client-side-apply", t("08:02"), "2", 4));
  await store(deployment("shop/checkout:1.5.0", "kubectl-client-side-apply", t("08:12"), "2", 3));
  await store(deployment("shop/checkout:1.4.2", "kubectl-rollout", t("08:22"), "3", 4));
  await upsertPods(db, clusterId, [value(mapPod(pod("checkout-7d9f-abc12", "uid-pod-1", null), new Date(t("08:02"))))]);
  await upsertEvents(db, clusterId, [
    value(mapEvent(event("ev-backoff", "checkout-7d9f-abc12", "BackOff", "Back-off restarting failed container checkout", t("08:03"), t("08:21"), 12))),
    value(mapEvent(event("ev-cart", "cart-5c-x0", "BackOff", "Back-off restarting failed container cart", t("08:05"), t("08:06"), 2))),
  ]);
  // The log follower's path: kubelet's timestamped line, parsed, redacted, stored.
  const redact = createLogRedactor();
  const raw = [
    `${t("08:03")} ERROR config: PAYMENT_URL is not set`,
    `${t("08:03").replace(":00Z", ":01Z")} connecting with password=hunter2 to db`,
    `${t("08:30")} INFO serving on :8080`,
  ];
  await insertLogLines(db, clusterId, raw.map((line, seq) => {
    const parsed = parseLogLine(line)!;
    return { namespace: "shop", pod: "checkout-7d9f-abc12", container: "checkout", ts: parsed.ts, seq, level: parsed.level, message: redact(parsed.text) };
  }));
  await db.query(
    `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, severity, status, started_at, detected_at, resolved_at)
     SELECT $1, id, 'svc-demo/Deployment/shop/checkout/CrashLoopBackOff', 'shop/checkout is crash-looping', 'CrashLoopBackOff', 'sev2', 'resolved', $2, $2, $3
       FROM workloads WHERE name = 'checkout'`,
    [clusterId, t("08:03"), t("08:22")],
  );
  await advanceClusterClock(db, clusterId, new Date(t("09:00")));
  // What the analyzer derives: the default availability SLO measured minute by minute from the replica
  // counts, and a guardrail finding on the workload.
  await ensureDefaultSlos(clusterId);
  const { rows: [ids] } = await db.query<{ slo: string; workload: string }>(`SELECT s.id AS slo, w.id AS workload FROM slos s JOIN workloads w ON w.id = s.workload_id WHERE w.name = 'checkout'`);
  const { rows: series } = await db.query<{ ts: Date; desired: number; available: number }>(
    `SELECT ts, desired_replicas AS desired, available_replicas AS available FROM workload_status WHERE workload_id = $1 ORDER BY ts`, [ids.workload]);
  const minutes = availabilityMinutes(series.map((r) => ({ ts: r.ts.getTime(), desired: r.desired, available: r.available })), Date.parse(t("07:00")), Date.parse(t("09:00")));
  await upsertSliSamples(minutes.map((m) => ({ ...m, sloId: ids.slo })));
  await saveGuardrails(clusterId, [{ workloadId: ids.workload, namespace: "shop", target: "Deployment shop/checkout container checkout", check: "livenessProbeMissing", severity: "warning", message: "has no liveness probe" }], [], new Date(t("09:00")));
});

afterAll(async () => {
  await disconnectPrisma();
  await closePools();
});

describe("a workload's service page", () => {
  it("shows the six hours up to the cluster's newest report", async () => {
    const page = await getServicePage(names);
    if (page.kind !== "found") throw new Error(page.kind);
    expect([page.axis.from, page.axis.to, page.asOf]).toEqual(["2026-12-06T03:00:00.000Z", "2026-12-06T09:00:00.000Z", "2026-12-06T09:00:00.000Z"]);
    expect(page.workload.images).toEqual([{ container: "checkout", image: "shop/checkout:1.4.2" }]);
  });

  it("places the rollout, with the image it changed and who applied it, just before the restarts and the incident", async () => {
    const page = await getServicePage(names);
    if (page.kind !== "found") throw new Error(page.kind);
    const changes = page.axis.marks.filter((m) => m.kind === "change");
    expect(changes.map((c) => [c.at, c.kind === "change" && c.manager])).toEqual([
      ["2026-12-06T08:02:00.000Z", "kubectl-client-side-apply"],
      ["2026-12-06T08:22:00.000Z", "kubectl-rollout"],
    ]);
    expect(changes[0].title).toBe("image checkout: shop/checkout:1.4.2 → 1.5.0");
    const restart = page.axis.marks.find((m) => m.kind === "restart");
    const incident = page.axis.marks.find((m) => m.kind === "incident");
    expect(restart).toMatchObject({ reason: "CrashLoopBackOff", at: "2026-12-06T08:03:00.000Z", until: "2026-12-06T08:21:00.000Z" });
    expect(incident).toMatchObject({ title: "shop/checkout is crash-looping", at: "2026-12-06T08:03:00.000Z" });
  });

  it("keeps the neighbours' events off the axis", async () => {
    const page = await getServicePage(names);
    if (page.kind !== "found") throw new Error(page.kind);
    expect(page.axis.marks.filter((m) => m.kind === "event").map((m) => m.kind === "event" && m.object)).toEqual(["Pod/checkout-7d9f-abc12"]);
  });

  it("draws one replica of four down while the rollout was stuck", async () => {
    const page = await getServicePage(names, { from: Date.parse(t("08:00")), to: Date.parse(t("08:30")) });
    if (page.kind !== "found") throw new Error(page.kind);
    expect(page.axis.replicas.map((p) => [p.at.slice(11, 16), p.ready, p.desired])).toEqual([["08:00", 4, 4], ["08:12", 3, 4], ["08:22", 4, 4], ["08:30", 4, 4]]);
  });

  it("shows the logs from five minutes before the incident's start to five after, with the secret redacted at ingest", async () => {
    const target = await getServiceTarget(names);
    if (target.kind !== "found") throw new Error(target.kind);
    const logs = await getServiceLogView(target.ref, target.workload, Date.parse(t("08:03")));
    expect(logs.streams.map((s) => [s.pod, s.container])).toEqual([["checkout-7d9f-abc12", "checkout"]]);
    expect(logs.streams[0].lines.map((l) => l.message)).toEqual(["ERROR config: PAYMENT_URL is not set", "connecting with password=[REDACTED secret] to db"]);
  });

  it("names what was looked up when there is no such workload, and lists the kinds it tracks", async () => {
    expect(await getServicePage({ ...names, name: "checkuot" })).toMatchObject({
      kind: "missing", sentence: "Uptrust has not seen a Deployment named checkuot in namespace shop of cluster svc-demo.",
    });
    expect(await getServicePage({ ...names, kind: "Ingress" })).toMatchObject({ kind: "untracked-kind", given: "Ingress" });
  });

  it("draws the availability SLO's burn while a replica of four was down, and lists the SLO and the finding", async () => {
    const page = await getServicePage(names, { from: Date.parse(t("08:00")), to: Date.parse(t("08:30")) });
    if (page.kind !== "found") throw new Error(page.kind);
    expect(page.axis.bucketMs).toBe(60_000);
    const [burn] = page.axis.burn;
    const at = (hhmm: string) => burn.points.find((p) => p.at === `2026-12-06T${hhmm}:00.000Z`)?.burn;
    // A minute counts good only with every desired replica available: one missing makes it bad, 1 ÷ 0.001 budget = 1000×.
    expect(at("08:15")).toBeCloseTo(1000);
    expect(at("08:05")).toBe(0);
    expect(page.slos.map((s) => [s.id, s.name])).toEqual([[burn.sloId, "availability"]]);
    expect(page.findings.map((f) => f.check)).toEqual(["livenessProbeMissing"]);
  });
});
