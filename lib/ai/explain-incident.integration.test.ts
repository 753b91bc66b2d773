import { createServer, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertTimelineEntries } from "@/lib/db/analyze/upsert-timeline-entries.ts";
import { closePools, getPool } from "@/lib/db/pool.ts";
import { buildTimeline } from "@/lib/domain/incident-timeline.ts";
import { explainIncident } from "./explain-incident.ts";

// The language model is the one part that cannot run here: a local server speaking the OpenAI chat
// completions API stands in for it and records what Uptrust sent.
type Seen = { body: { model: string; messages: { role: string; content: string }[] }; auth: string | undefined };
const seen: Seen[] = [];
let reply = 200;
const server = createServer(async (req: IncomingMessage, res) => {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  seen.push({ body: JSON.parse(raw), auth: req.headers.authorization });
  res.writeHead(reply, { "content-type": "application/json" });
  res.end(JSON.stringify(reply === 200 ? { choices: [{ message: { role: "assistant", content: " CoreDNS lost its upstream; check its forwarders. " } }] } : { error: "overloaded" }));
});
let url = "";
let incidentId = "";

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the stand-in model has no TCP address");
  url = `http://127.0.0.1:${address.port}/v1`;
  const db = getPool();
  await db.query("TRUNCATE clusters, mttr_weeks CASCADE");
  const { rows: [c] } = await db.query<{ id: string }>(`INSERT INTO clusters (name, server, status) VALUES ('prod', 'https://prod', 'connected') RETURNING id`);
  const { rows: [w] } = await db.query<{ id: string }>(`INSERT INTO workloads (cluster_id, namespace, kind, name, uid) VALUES ($1, 'shop', 'Deployment', 'checkout', 'u1') RETURNING id`, [c.id]);
  const causes = [{ kind: "DNS", title: "Name resolution failed", score: 0.92, evidence: [{ source: "log", ts: null, text: "lookup payments on 10.96.0.10:53: no such host token=s3cr3t-value" }] }];
  const { rows: [i] } = await db.query<{ id: string }>(
    `INSERT INTO incidents (cluster_id, workload_id, fingerprint, title, reason, started_at, detected_at, causes)
     VALUES ($1, $2, 'f', 'checkout is failing requests (ErrorRate)', 'ErrorRate', now() - interval '10 minutes', now(), $3) RETURNING id`,
    [c.id, w.id, JSON.stringify(causes)],
  );
  incidentId = i.id;
  // The error log the analyzer put on its timeline, built and stored by the analyzer's own functions.
  const ts = Date.now() - 9 * 60_000;
  const logs = [{ pod: "checkout-7d9f-abc12", container: "checkout", ts, seq: 0, level: "error", message: "payment failed for bob@example.com" }];
  await upsertTimelineEntries(incidentId, buildTimeline({ startedAt: ts - 60_000, endAt: Date.now(), changes: [], events: [], logs, statuses: [] }));
});
afterAll(async () => {
  server.close();
  await closePools();
});

describe("scoped AI explanations", () => {
  it("sends only the redacted brief, and returns the answer with exactly what was sent", async () => {
    const r = await explainIncident(incidentId, { url, model: "test-model", apiKey: "sk-test" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answer).toBe("CoreDNS lost its upstream; check its forwarders.");
    const [request] = seen;
    expect(request.auth).toBe("Bearer sk-test");
    expect(request.body).toEqual({ model: "test-model", messages: r.sent, temperature: 0 });
    const text = JSON.stringify(request.body);
    for (const leak of ["s3cr3t-value", "bob@example.com", "10.96.0.10"]) expect(text).not.toContain(leak);
    expect(text).toContain("Name resolution failed");
  });

  it("says which endpoint failed, and still shows what was sent", async () => {
    reply = 503;
    const r = await explainIncident(incidentId, { url, model: "test-model" });
    expect(r).toMatchObject({ ok: false, status: 502, error: `the model at ${url}/chat/completions answered 503` });
    expect(r.ok ? [] : r.sent).toHaveLength(2);
  });
});
