import { describe, expect, it } from "vitest";
import { buildServiceAxis, burnSeries, replicaPoints, type ServiceFacts } from "./service-axis.ts";
import { HOUR_MS, MINUTE_MS } from "./slo.ts";

// checkout's bad rollout: 1.5.0 at 08:02 crash-loops until the rollback at 08:22.
const now = Date.parse("2026-12-06T09:00:00Z");
const t = (hhmm: string) => Date.parse(`2026-12-06T${hhmm}:00Z`);
const window = { from: t("07:00"), to: now };
const checkout = { kind: "Deployment", namespace: "shop", name: "checkout" };
const cart = { kind: "Deployment", namespace: "shop", name: "cart" };
const podEvent = (uid: string, pod: string, reason: string, message: string, from: string, to: string, count: number) =>
  ({ uid, reason, message, type: "Warning", involvedKind: "Pod", involvedName: pod, count, firstSeen: t(from), lastSeen: t(to) });

const facts: ServiceFacts = {
  workload: checkout,
  workloads: [checkout, cart],
  podWorkloads: new Map([["shop/checkout-7d9f-abc12", checkout], ["shop/cart-5c-x0", cart]]),
  changes: [
    { id: "c-old", observedAt: t("05:00"), summary: "checkout: image 1.4.1 → 1.4.2", revision: "1", before: {}, after: {}, kind: "template", manager: "helm" },
    {
      id: "c-rollout", observedAt: t("08:02"), summary: "checkout: image shop/checkout:1.4.2 → shop/checkout:1.5.0", revision: "2",
      before: { containers: [{ name: "checkout", image: "shop/checkout:1.4.2" }] }, after: { containers: [{ name: "checkout", image: "shop/checkout:1.5.0" }] },
      kind: "template", manager: "kubectl-client-side-apply",
    },
  ],
  events: [
    podEvent("e-backoff", "checkout-7d9f-abc12", "BackOff", "Back-off restarting failed container checkout", "08:03", "08:21", 12),
    podEvent("e-cart", "cart-5c-x0", "BackOff", "Back-off restarting failed container cart", "08:10", "08:12", 2),
    { ...podEvent("e-scaled", "checkout-7d9f", "ScalingReplicaSet", "Scaled up replica set checkout-7d9f to 1", "08:02", "08:02", 1), involvedKind: "Deployment", involvedName: "checkout", type: "Normal" },
  ],
  containers: [],
  statuses: [
    { ts: t("06:00"), desired: 4, ready: 4, available: 4 },
    { ts: t("08:12"), desired: 4, ready: 3, available: 3 },
    { ts: t("08:24"), desired: 4, ready: 4, available: 4 },
  ],
  incidents: [{ id: "i-1", title: "shop/checkout is crash-looping", severity: "sev2", status: "resolved", startedAt: t("08:03"), resolvedAt: t("08:22") }],
  slos: [],
};

describe("the service page's time axis", () => {
  const axis = buildServiceAxis(facts, window, now, 5 * MINUTE_MS);
  const ofKind = (kind: string) => axis.marks.filter((m) => m.kind === kind);

  it("puts the rollout just before the restarts and the incident it preceded, with who made it", () => {
    const [rollout] = ofKind("change");
    expect(rollout).toMatchObject({ id: "c-rollout", at: "2026-12-06T08:02:00.000Z", manager: "kubectl-client-side-apply", revision: "2" });
    expect(ofKind("restart")[0].at > rollout.at).toBe(true);
    expect(ofKind("incident")[0]).toMatchObject({ at: "2026-12-06T08:03:00.000Z", until: "2026-12-06T08:22:00.000Z" });
  });

  it("leaves out changes from before the visible range", () => {
    expect(ofKind("change").map((m) => m.id)).toEqual(["c-rollout"]);
  });

  it("shows the workload's own events and not its neighbours'", () => {
    expect(ofKind("event").map((m) => m.kind === "event" && m.object)).toEqual(["Deployment/checkout", "Pod/checkout-7d9f-abc12"]);
  });

  it("counts kubelet's back-off as the restarts of a crash loop, spanning its first to last sighting", () => {
    expect(ofKind("restart")).toEqual([
      expect.objectContaining({ reason: "CrashLoopBackOff", at: "2026-12-06T08:03:00.000Z", until: "2026-12-06T08:21:00.000Z" }),
    ]);
  });

  it("draws replica health from the count that held when the range began to the newest report", () => {
    expect(axis.replicas.map((p) => [p.at.slice(11, 16), p.ready, p.desired])).toEqual([["07:00", 4, 4], ["08:12", 3, 4], ["08:24", 4, 4], ["09:00", 4, 4]]);
  });

  it("does not draw replicas past the cluster's newest report", () => {
    const later = replicaPoints(facts.statuses, { from: t("08:00"), to: t("10:00") }, now);
    expect(later.at(-1)?.at).toBe("2026-12-06T09:00:00.000Z");
  });

  it("says how many marks it left out of a range too busy to draw", () => {
    const many = Array.from({ length: 305 }, (_, i) => ({ ...facts.changes[1], id: `c${i}`, observedAt: t("08:00") + i * 1000 }));
    const busy = buildServiceAxis({ ...facts, changes: many }, window, now, 5 * MINUTE_MS);
    expect(busy.omitted).toEqual([{ kind: "change", count: 5 }]);
  });
});

describe("SLO burn on the axis", () => {
  const slo = { id: "s", name: "availability", target: 0.999, buckets: [{ start: t("08:00"), good: 290, total: 300 }, { start: t("08:05"), good: 300, total: 300 }] };

  it("burns 33.3× in a bucket where one event in thirty failed against a 99.9 % target", () => {
    const series = burnSeries(slo, { from: t("08:00"), to: t("08:15") }, 5 * MINUTE_MS);
    expect(series.points.map((p) => p.burn === null ? null : Math.round(p.burn * 10) / 10)).toEqual([33.3, 0, null]);
  });

  it("starts buckets on whole bucket boundaries so zooming does not shift them", () => {
    const series = burnSeries(slo, { from: t("08:02"), to: t("09:02") }, HOUR_MS);
    expect(series.points.map((p) => p.at)).toEqual(["2026-12-06T08:00:00.000Z", "2026-12-06T09:00:00.000Z"]);
  });
});
