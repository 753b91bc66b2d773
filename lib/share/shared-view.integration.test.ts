import { afterAll, afterEach, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/client.ts";
import { applyIncidentAction } from "@/lib/db/incidents/apply-incident-action.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { getIncident } from "@/lib/db/queries/get-incident.ts";
import { LOG_REMOVED } from "@/lib/domain/share-redaction.ts";
import { DEMO } from "@/workers/emulator/scenarios/demo.ts";
import { createReplayHarness } from "@/workers/emulator/testing/replay-harness.ts";
import { readSharedView } from "./shared-view.ts";

// Incidents as the real pipeline makes them (the emulator's story, ingested and analysed), plus a
// responder's note that quotes what people paste in a hurry: the external view must carry none of the
// pods, nodes, addresses, registries or log lines the incident page shows.

const harness = createReplayHarness();
afterEach(() => harness.stop());
afterAll(async () => {
  await closePools();
  await disconnectPrisma();
});

const ADDRESS = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w])|(?<![\w:])[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi;

// What the incident page shows that an outsider must not see, read off the page's own data.
async function sensitiveValues(incidentId: string): Promise<string[]> {
  const detail = (await getIncident(incidentId))!;
  const json = JSON.stringify(detail);
  const pods = new Set<string>();
  for (const e of detail.timeline) {
    if (e.kind === "log" && e.detail.pod) pods.add(e.detail.pod);
    if (e.kind === "event" && e.detail.object?.startsWith("Pod/")) pods.add(e.detail.object.slice(4));
    if (e.kind === "event" && e.detail.object?.startsWith("ReplicaSet/")) pods.add(e.detail.object.slice(11));
  }
  const logLines = detail.timeline.flatMap((e) => (e.kind === "log" ? e.title.split("\n").map((l) => l.trim()).filter((l) => l.length >= 12) : []));
  const nodes = DEMO.nodes.filter((n) => json.includes(n));
  const addresses = (json.match(ADDRESS) ?? []).filter((a) => a.includes(".") || a.includes("::"));
  const hosts = ["registry.example.com", "registry.k8s.io", "@example.com"].filter((h) => json.includes(h));
  // As they stand in JSON (a log line's quotes escaped), so that they can be looked for in a view's JSON.
  return [...pods, ...nodes, ...addresses, ...logLines, ...hosts].map((v) => JSON.stringify(v).slice(1, -1));
}

async function expectNothingLeaks(incidentId: string) {
  const values = await sensitiveValues(incidentId);
  const internal = JSON.stringify((await readSharedView(incidentId, "internal"))!.incident);
  const external = (await readSharedView(incidentId, "external"))!;
  const json = JSON.stringify(external.incident);
  // Each value is on the page a viewer reads, so its absence below is the redaction's doing.
  expect(values.filter((v) => !internal.includes(v))).toEqual([]);
  expect(values.filter((v) => json.includes(v))).toEqual([]);
  return { values, external };
}

describe("the external view of an incident from the real pipeline", () => {
  it("demo: checkout's bad rollout keeps its story and loses its pods, nodes, registry, log lines and the addresses in a note", async () => {
    const { incidents } = await harness.replay("demo", { leadMinutes: 90 });
    const checkout = incidents.find((i) => i.workload === "checkout")!;
    const podName = (await getPool().query<{ name: string }>(`SELECT name FROM pods WHERE name LIKE 'checkout-%' LIMIT 1`)).rows[0].name;
    await applyIncidentAction(checkout.id, { type: "note", text: `${podName} on node-b answers from 10.244.1.17 and fd00:10:244::11; told ops@example.com; node-a, node-c fine` },
      // As the actions route records a person who signed in without a name: by address.
      { name: "rae@example.com", email: "rae@example.com" });
    const { values, external } = await expectNothingLeaks(checkout.id);
    for (const kind of ["registry.example.com", ...DEMO.nodes, "10.244.1.17", "fd00:10:244::11", "PAYMENT_URL is not set", podName]) {
      expect(values.some((v) => v.includes(kind)), kind).toBe(true);
    }
    const kinds = Object.fromEntries(external.removed.map((r) => [r.kind, r.count]));
    expect(Object.keys(kinds).sort()).toEqual(["email", "ip", "log", "node", "pod", "registry", "replica-set"]);
    expect(external.incident.incident.likelyCause).toBe("A rollout changed checkout's image to checkout:1.5.0 as it began.");
    expect(external.incident.timeline.filter((e) => e.kind === "log").every((e) => e.title === LOG_REMOVED)).toBe(true);
    // The note names all three nodes, so they are numbered by name: node-a 1, node-b 2, node-c 3.
    expect(external.incident.timeline.at(-1)?.detail).toEqual({ author: "rae", message: "checkout pod on node 2 answers from [ip] and [ip]; told [email]; node 1, node 3 fine" });
  });

  it("node-not-ready: the lost node is a number in the cause and in every event", async () => {
    const { incidents } = await harness.replay("node-not-ready", { leadMinutes: 60 });
    const checkout = incidents.find((i) => i.workload === "checkout")!;
    const { external } = await expectNothingLeaks(checkout.id);
    expect(external.incident.causes[0].title).toMatch(/^Node node \d stopped reporting \(NotReady\)/);
    const node = /node \d/.exec(external.incident.causes[0].title)![0];
    expect(external.incident.causes[0].evidence[0].text).toBe(`${node}: Node ${node} status is now: NodeNotReady`);
  });
});
