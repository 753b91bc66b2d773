import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertEvents } from "@/lib/db/ingest/insert-events.ts";
import { upsertCluster } from "@/lib/db/ingest/upsert-cluster.ts";
import { getPool } from "@/lib/db/pool.ts";
import type { EventRow } from "@/lib/k8s/map-event.ts";
import { writeIsolatingRefused } from "./isolate-bad-rows.ts";

// One row PostgreSQL refuses must not hold up the batch it arrived in, and a lost connection must not
// be mistaken for such a row (that batch is retried whole, not thinned).

const db = () => getPool();
let clusterId: string;
const event = (uid: string, message: string): EventRow => ({
  uid, namespace: "shop", involvedKind: "Pod", involvedName: "checkout-1", reason: "BackOff", message, type: "Warning",
  source: "kubelet", count: 1, firstSeen: new Date(), lastSeen: new Date(),
});

beforeAll(async () => {
  await db().query("TRUNCATE clusters CASCADE");
  clusterId = await upsertCluster(db(), "refusals", "http://refusals");
});
afterAll(() => db().query("TRUNCATE clusters CASCADE"));

describe("a batch with a row the database refuses", () => {
  it("stores every other row and reports the refused one with PostgreSQL's reason", async () => {
    const rows = ["a", "b", "c", "d", "e"].map((u) => event(u, `back-off ${u}`));
    rows[3] = event("d", "bad \u0000 byte"); // bypasses the mapper's cleaning, as a future bug might
    const refused: string[] = [];
    await writeIsolatingRefused((batch) => upsertEvents(db(), clusterId, batch), rows, (row, err) => refused.push(`${row.uid}: ${err.message}`));
    const stored = await db().query(`SELECT uid FROM k8s_events WHERE cluster_id = $1 ORDER BY uid`, [clusterId]);
    expect(stored.rows.map((r) => r.uid)).toEqual(["a", "b", "c", "e"]);
    expect(refused).toEqual([expect.stringMatching(/^d: .*(0x00|\\u0000)/)]);
  });

  it("throws a lost connection for the caller to retry the whole batch", async () => {
    const gone = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 500 });
    const refused: unknown[] = [];
    await expect(writeIsolatingRefused((batch) => upsertEvents(gone, clusterId, batch), [event("x", "m")], (r) => refused.push(r))).rejects.toThrow();
    expect(refused).toEqual([]);
    await gone.end();
  });
});
