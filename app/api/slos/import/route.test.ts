import { describe, expect, it, vi } from "vitest";
import { POST } from "./route.ts";

// The import as a responder meets it: whatever the body, an answer with a reason, never a 500.
vi.mock("@/lib/auth/gate.ts", () => ({ gateRoute: async () => ({ id: "u1", email: "sre@example.com", name: "SRE", role: "responder" }) }));
vi.mock("@/lib/auth/audit.ts", () => ({ audit: async () => undefined }));

const post = (body: string, headers: Record<string, string> = {}) => POST(new Request("http://uptrust/api/slos/import", { method: "POST", body, headers }));

describe("POST /api/slos/import", () => {
  it("a YAML alias bomb gets 422 saying it expands too many aliases", async () => {
    const bomb = ["version: prometheus/v1", "a: &a [x, x, x, x, x, x, x, x, x, x]", ...[..."bcdefghi"].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)];
    const res = await post(bomb.join("\n"));
    expect(res.status).toBe(422);
    expect((await res.json()).problems).toEqual([expect.stringMatching(/^slo\.yaml:1: expands YAML aliases beyond 100 /)]);
  });

  it("an oversize body gets 413 saying the limit", async () => {
    const res = await post(`# ${"x".repeat(600_000)}\n`);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/is larger than the 524288 accepted; split it into several imports$/);
  });

  it("a file of Kubernetes manifests gets 422 naming each document that is not an SLO", async () => {
    const res = await post("apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: web }\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n");
    expect(res.status).toBe(422);
    expect((await res.json()).problems).toEqual([
      expect.stringMatching(/^slo\.yaml:1: apiVersion: document 1 is a v1 ServiceAccount, not an SLO: /),
      expect.stringMatching(/^slo\.yaml:5: apiVersion: document 2 is an apps\/v1 Deployment, not an SLO: /),
    ]);
  });

  it("what Uptrust cannot keep is named at the SLO's line: a calendar quarter, a rolling window in hours", async () => {
    const slo = (name: string, window: string) =>
      `apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: ${name} }\nspec:\n  service: shop/checkout\n` +
      `  indicator: { spec: { thresholdMetric: { metricSource: { type: Uptrust, spec: { query: latency } } } } }\n` +
      `  timeWindow: [${window}]\n  budgetingMethod: Occurrences\n  objectives:\n    - { op: lte, value: 300, target: 0.99 }\n`;
    const res = await post(`${slo("quarterly", "{ duration: 1Q, isRolling: false }")}---\n${slo("hourly", "{ duration: 12h, isRolling: true }")}`);
    expect(res.status).toBe(422);
    expect((await res.json()).problems).toEqual([
      "slo.yaml:10: quarterly: a calendar quarter window is not supported; use a week, a month or a rolling window",
      "slo.yaml:21: hourly: a rolling window of 0.5 days is not supported; Uptrust's rolling windows are whole days (1d to 90d)",
    ]);
  });
});
