import { describe, expect, it } from "vitest";
import { ingestHealth, type IngestFacts } from "./ingest-health.ts";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const healthy: IngestFacts = {
  status: "connected",
  lastError: null,
  lastSyncAt: ago(3),
  lagMs: 400,
  droppedRows: 0,
  holder: "ingest-0/41",
  leaseExpiresAt: new Date(now.getTime() + 10_000),
};

describe("what the cockpit says about a cluster's ingest", () => {
  it("a connected cluster with a fresh heartbeat is ingesting, and says by whom and how far behind", () => {
    expect(ingestHealth(healthy, now)).toEqual({ state: "connected", summary: "ingesting by ingest-0/41, 0 s behind" });
  });

  it("a worker killed outright leaves 'connected' behind: a silent heartbeat makes it stale", () => {
    const h = ingestHealth({ ...healthy, lastSyncAt: ago(300), leaseExpiresAt: ago(280) }, now);
    expect(h.state).toBe("stale");
    expect(h.summary).toMatch(/^no ingest heartbeat for 5 min/);
  });

  it("a lapsed lease is stale even before the heartbeat is old", () => {
    expect(ingestHealth({ ...healthy, leaseExpiresAt: ago(1) }, now).state).toBe("stale");
    expect(ingestHealth({ ...healthy, holder: null, leaseExpiresAt: null }, now).state).toBe("stale");
  });

  it("write buffers lagging more than 30 s degrade the cluster", () => {
    expect(ingestHealth({ ...healthy, lagMs: 95_000 }, now)).toEqual({ state: "degraded", summary: "ingest is 2 min behind the cluster by ingest-0/41" });
  });

  it("an unreachable API server is reported with the error, and facts lost in outages are counted", () => {
    const h = ingestHealth({ ...healthy, status: "unreachable", lastError: "pods: fetch failed (ECONNREFUSED)", droppedRows: 120 }, now);
    expect(h.state).toBe("unreachable");
    expect(h.summary).toBe(
      "the API server cannot be reached by ingest-0/41: pods: fetch failed (ECONNREFUSED); retrying; 120 facts could not be stored during database outages",
    );
  });

  it("a registration no worker can use says what to do, instead of blaming a stale worker", () => {
    const h = ingestHealth({ ...healthy, status: "unreachable", holder: null, leaseExpiresAt: null, lastSyncAt: ago(3600), lastError: 'registration invalid: the kubeconfig registered for cluster "eu" cannot be parsed' }, now);
    expect(h).toEqual({
      state: "unreachable",
      summary: 'registration invalid: the kubeconfig registered for cluster "eu" cannot be parsed; register it again with a valid kubeconfig (npm run cluster:register)',
    });
  });

  it("a cluster whose last worker stopped cleanly says so", () => {
    expect(ingestHealth({ ...healthy, status: "stopped", holder: null }, now)).toEqual({ state: "stopped", summary: "no ingest worker is running for this cluster" });
    expect(ingestHealth({ ...healthy, status: "stopped", holder: null, lastError: "pods: fetch failed (ECONNREFUSED)" }, now).summary).toBe(
      "no ingest worker is running for this cluster (its last error: pods: fetch failed (ECONNREFUSED))",
    );
  });
});
