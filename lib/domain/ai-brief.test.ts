import { describe, expect, it } from "vitest";
import { buildBrief } from "./ai-brief.ts";

const incident = {
  title: "checkout is failing requests (ErrorRate)",
  reason: "ErrorRate",
  workload: "shop/checkout",
  startedAt: "2026-12-02T10:00:00.000Z",
  resolvedAt: null,
  causes: [{ title: "Name resolution failed: kube-system/coredns was answering with errors", evidence: [{ source: "log", text: "read udp 10.244.2.162:46019->10.0.0.2:53: i/o timeout; password=hunter2; paged alice@example.com" }] }],
  timeline: Array.from({ length: 60 }, (_, i) => ({ ts: `2026-12-02T10:${String(i).padStart(2, "0")}:00.000Z`, kind: "log", title: `POST with Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123 from 192.168.1.${i}` })),
};

describe("what the model is told about an incident", () => {
  const [system, user] = buildBrief(incident);

  it("carries the finding, its causes and evidence, and tells the model not to blame anyone", () => {
    expect(system.content).toContain("do not blame people");
    expect(user.content).toContain("Name resolution failed");
    expect(user.content).toContain("i/o timeout");
  });

  it("never carries a secret, an address or an e-mail address", () => {
    for (const leak of ["hunter2", "alice@example.com", "10.244.2.162", "192.168.1.", "abcdefghijklmnopqrstuvwxyz0123"]) expect(user.content).not.toContain(leak);
    expect(user.content).toContain("[ip]");
    expect(user.content).toContain("[email]");
  });

  it("sends at most 40 timeline entries and says how many there were", () => {
    expect(user.content).toContain("Timeline (40 of 60 entries, UTC)");
    expect(user.content.split("\n").filter((l) => l.startsWith("- 2026")).length).toBe(40);
  });
});
