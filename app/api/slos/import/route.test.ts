import { describe, expect, it, vi } from "vitest";
import { POST } from "./route.ts";

// The import as a responder meets it: whatever the body, an answer with a reason, never a 500.
vi.mock("@/lib/auth/require-editor.ts", () => ({ requireEditor: async () => ({ id: "u1", email: "sre@example.com", role: "responder" }) }));

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
});
