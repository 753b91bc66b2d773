import { describe, expect, it } from "vitest";
import { LOG_REMOVED, shareView } from "./share-redaction.ts";
import type { CauseItem, IncidentFacts } from "./shared-incident.ts";
import { toTimelineItem } from "./timeline-entry.ts";

const T = Date.parse("2026-11-25T10:00:00Z");
const at = (minutes: number) => new Date(T + minutes * 60_000);
let n = 0;
const entry = (minutes: number, kind: string, title: string, detail: unknown) =>
  toTimelineItem({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`, ts: at(minutes), kind, title, detail });
const event = (minutes: number, title: string, object: string) => entry(minutes, "event", title, { type: "Normal", object, count: 1, firstSeen: null, lastSeen: null });

// A DNS outage on checkout as the analyzer and a responder leave it: every kind of value an external
// share must not carry appears at least once, in fields of every shape.
const POD = "checkout-7d9f8-abcde";
const OTHER_POD = "checkout-c8j2xcq7sj-5h9qp";
const NODE = "ip-10-0-1-23.eu-west-1.compute.internal";
function dnsIncident(): IncidentFacts & { related: unknown[] } {
  const summary = `BackOff: Back-off restarting failed container checkout in pod ${POD}_shop(0b5e2a3c-1d4f-4e6a-9b8c-7d6e5f4a3b2c)`;
  const timeline = [
    event(-5, `Scheduled: Successfully assigned shop/${POD} to ${NODE}`, `Pod/${POD}`),
    event(-5, 'Pulling: Pulling image "ghcr.io/acme/checkout:1.4"', `Pod/${POD}`),
    event(-4, "NodeNotReady: Node node-b status is now: NodeNotReady", "Node/node-b"),
    entry(-3, "change", "image checkout: ghcr.io/acme/checkout:1.3 → 1.4", {
      revision: "7",
      before: { image: "ghcr.io/acme/checkout:1.3", nodeSelector: { "kubernetes.io/hostname": "node-b" } },
      after: { image: "ghcr.io/acme/checkout:1.4", hostAliases: { "10.0.0.7": "payments.internal" } },
    }),
    entry(0, "log", "dial tcp: lookup payments.shop.svc on 10.96.0.10:53: no such host", { pod: OTHER_POD, container: "checkout", level: "error" }),
    entry(1, "log", 'config {"DB_PASSWORD":"[REDACTED secret]"} loaded', { pod: POD, container: "checkout", level: "info" }),
    entry(2, "note", "Note", { author: "ana@example.com", message: `pinged support@vendor.example; ${OTHER_POD} on node-b resolves via fd00:10:96::a, api_key=sk_live_51HabcdefghijklmnopQRST` }),
    entry(3, "lifecycle", "Acknowledged", { author: "Ben Ops", authorEmail: "ben@example.com", message: null }),
  ];
  const iso = new Date(T).toISOString();
  const causes: CauseItem[] = [
    {
      kind: "DNS",
      title: "checkout could not resolve the names of its dependencies (the cluster resolver logged no errors).",
      score: 0.6,
      evidence: [
        { source: "log", ts: iso, text: `12 failed lookups in checkout's log, e.g. ${OTHER_POD}: dial tcp: lookup payments.shop.svc on 10.96.0.10:53: no such host` },
        { source: "node", ts: iso, text: "node-b: Node node-b status is now: NodeNotReady" },
        { source: "event", ts: iso, text: "node-a: Memory cgroup out of memory: Killed process 23927 (checkout)" },
      ],
    },
  ];
  const incident = {
    id: "4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90", title: "checkout cannot resolve names (DNS)", reason: "DNS", severity: "sev2", status: "investigating",
    active: true, cluster: "prod-eu", workload: { namespace: "shop", name: "checkout", kind: "Deployment" }, startedAt: at(0).toISOString(),
    detectedAt: at(1).toISOString(), resolvedAt: null, durationSeconds: 600, likelyCause: causes[0].title,
    occurrences: { count: 1, firstAt: at(0).toISOString(), lastAt: at(0).toISOString() }, timeline: timeline.slice(-2), timelineCount: timeline.length,
    summary, acknowledgedAt: at(3).toISOString(), mitigatedAt: null, owner: "ana@example.com", severitySource: "detector", nextStatuses: ["mitigated" as const],
  };
  return { asOf: at(10).toISOString(), incident, causes, related: [{ id: "9d1f", title: "cart cannot resolve names", workload: "shop/cart", startedAt: at(0).toISOString(), cause: "DNS" }], timeline };
}

const external = () => shareView(dnsIncident(), [], "external");

describe("an external share", () => {
  it("carries no pod, node, address, registry, e-mail or log line of the incident, anywhere in it", () => {
    const json = JSON.stringify(external().incident);
    for (const gone of [POD, OTHER_POD, "c8j2xcq7sj", NODE, "node-a", "node-b", "10.96.0.10", "10.0.0.7", "fd00:10:96::a", "ghcr.io", "acme/",
      "ana@example.com", "support@vendor.example", "no such host", "DB_PASSWORD", "sk_live_", "0b5e2a3c"]) {
      expect(json, gone).not.toContain(gone);
    }
  });

  it("keeps what happened readable: pods as their workload, nodes by number, images by name and tag", () => {
    const { incident: v } = external();
    expect(v.view).toBe("external");
    expect(v.incident.summary).toBe("BackOff: Back-off restarting failed container checkout in pod checkout pod");
    expect(v.timeline[0].title).toBe("Scheduled: Successfully assigned checkout pod to node 1");
    expect(v.timeline[1].title).toBe('Pulling: Pulling image "checkout:1.4"');
    expect(v.timeline[3]).toMatchObject({ title: "image checkout: checkout:1.3 → 1.4", detail: { before: { image: "checkout:1.3", nodeSelector: { "kubernetes.io/hostname": "node 3" } }, after: { hostAliases: { "[ip]": "payments.internal" } } } });
    expect(v.timeline[6].detail).toMatchObject({ author: "ana", message: "pinged [email]; checkout pod on node 3 resolves via [ip], api_key=[REDACTED cloud key]" });
  });

  it("numbers nodes by name, so one node has one number in every sentence", () => {
    const json = JSON.stringify(external().incident);
    // ip-10-0-1-23… < node-a < node-b
    expect(json).toContain("to node 1");
    expect(json).toContain("node 2: Memory cgroup out of memory");
    expect(json).toContain("node 3: Node node 3 status is now: NodeNotReady");
    expect(json).toContain('"object":"node 3"');
  });

  it("removes log lines and keeps Uptrust's own words around a quoted one", () => {
    const { incident: v } = external();
    expect(v.timeline.filter((e) => e.kind === "log")).toEqual([
      expect.objectContaining({ title: LOG_REMOVED, detail: { pod: "checkout pod", container: "checkout", level: "error" } }),
      expect.objectContaining({ title: LOG_REMOVED, detail: { pod: "checkout pod", container: "checkout", level: "info" } }),
    ]);
    expect(v.causes[0].evidence[0].text).toBe(`12 failed lookups in checkout's log, e.g. ${LOG_REMOVED}`);
  });

  it("tells the person sharing what went, per kind, with examples, never a credential's value", () => {
    const removed = external().removed;
    const byKind = Object.fromEntries(removed.map((r) => [r.kind, r]));
    expect(Object.keys(byKind).sort()).toEqual(["email", "ip", "log", "node", "pod", "registry", "secret"]);
    expect(byKind.pod.count).toBe(2);
    expect(byKind.pod.examples).toContainEqual({ from: POD, to: "checkout pod" });
    expect(byKind.node).toMatchObject({ count: 3, label: "node names replaced by numbers" });
    expect(byKind.node.examples).toContainEqual({ from: NODE, to: "node 1" });
    // 10.96.0.10 was only ever in log lines: it went with them.
    expect(byKind.ip.count).toBe(2);
    expect(byKind.registry.label).toBe("image registry removed");
    expect(byKind.registry.examples[0]).toEqual({ from: "ghcr.io/acme/checkout:1.4", to: "checkout:1.4" });
    expect(byKind.log.count).toBe(3);
    expect(JSON.stringify(byKind.secret)).not.toContain("sk_live_");
  });

  it("finds the cluster's own node and pod names in free text, and numbers only the nodes the incident names", () => {
    const detail = dnsIncident();
    detail.timeline.push(entry(4, "note", "Note", { author: "Ben Ops", message: "moved traffic off minikube; web-debug restarted" }));
    const known = { nodes: ["minikube", "node-a", "node-b", "node-z", NODE], pods: ["web-debug"] };
    const { incident: v, removed } = shareView(detail, [], "external", known);
    expect(v.timeline.at(-1)?.detail).toMatchObject({ message: "moved traffic off node 2; web-debug pod restarted" });
    expect(removed.find((r) => r.kind === "node")?.count).toBe(4);
    expect(JSON.stringify(v)).not.toContain("node 5");
  });

  it("keeps markers of secrets redacted at ingest as they are", () => {
    const json = JSON.stringify(shareView({ ...dnsIncident(), incident: { ...dnsIncident().incident, summary: 'token="[REDACTED secret]"' } }, [], "external").incident);
    expect(json).toContain('token=\\"[REDACTED secret]\\"');
  });
});

describe("an internal share", () => {
  it("is the incident as a viewer reads it, without respond controls, ids, related incidents or authors' addresses", () => {
    const { incident: v, removed } = shareView(dnsIncident(), [], "internal");
    expect(removed).toEqual([]);
    expect(v.view).toBe("internal");
    const json = JSON.stringify(v);
    for (const gone of ["nextStatuses", "4f6c2a1e", "related", "cart cannot resolve", "ana@example.com", "ben@example.com", "severitySource"]) expect(json, gone).not.toContain(gone);
    expect(v.incident.owner).toBe("ana");
    expect(v.timeline.find((e) => e.kind === "lifecycle")?.detail).toEqual({ author: "Ben Ops", message: null });
    // What the team itself may read stays: names, addresses in notes, log lines.
    expect(json).toContain(POD);
    expect(json).toContain("10.96.0.10");
    expect(json).toContain("no such host");
  });

  it("states each SLO's budget the incident spent", () => {
    const budget = { slo: "availability", target: 0.999, window: "30-day", asOf: at(10).toISOString(), badEvents: 20, windowBadEvents: 30, allowedBadEvents: 40, beganBeforeWindow: false };
    expect(shareView(dnsIncident(), [budget], "external").incident.impact).toEqual([{ slo: "availability", window: "30-day", spent: 0.5, badEvents: 20 }]);
  });
});
