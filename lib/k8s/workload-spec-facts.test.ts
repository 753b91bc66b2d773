import { describe, expect, it } from "vitest";
import { specFacts } from "./workload-spec-facts.ts";

describe("what the guardrails read from a pod template", () => {
  it("takes a container's own security settings over the pod's, as the kubelet does", () => {
    const facts = specFacts(
      {
        hostNetwork: true,
        securityContext: { runAsNonRoot: true, runAsUser: 1000 },
        containers: [
          { name: "app", image: "a:1", securityContext: { runAsUser: 0, allowPrivilegeEscalation: false, capabilities: { add: ["NET_ADMIN"] } } },
          { name: "sidecar", image: "b:1" },
        ],
      },
      { app: "checkout" },
    );
    expect(facts.hostNetwork).toBe(true);
    expect(facts.labels).toEqual({ app: "checkout" });
    expect(facts.containers.map((c) => [c.name, c.runAsNonRoot, c.runAsUser, c.allowPrivilegeEscalation, c.capabilitiesAdded])).toEqual([
      ["app", true, 0, false, ["NET_ADMIN"]],
      ["sidecar", true, 1000, null, []],
    ]);
  });

  it("keeps the names of Secret-fed env vars, never a value", () => {
    const facts = specFacts(
      { containers: [{ name: "app", env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }, { name: "MODE", value: "hunter2" } as never] }] },
      undefined,
    );
    expect(facts.containers[0].secretEnv).toEqual(["DB_PASSWORD"]);
    expect(JSON.stringify(facts)).not.toContain("hunter2");
  });
});
