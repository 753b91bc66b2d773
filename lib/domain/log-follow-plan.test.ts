import { describe, expect, it } from "vitest";
import { followPlan, parseWorkloadPatterns, type LogPod } from "./log-follow-plan.ts";

const pod = (namespace: string, name: string, workloadName: string | undefined, restartCount = 0, phase = "Running"): LogPod => ({
  uid: `${namespace}-${name}`,
  namespace,
  name,
  phase,
  workloadName,
  warned: false,
  containers: [{ name: "app", containerId: "containerd://1", restartCount, running: phase === "Running" }],
});

const keys = (pods: LogPod[], spec: string, cap = 100) => followPlan(pods, parseWorkloadPatterns(spec), cap).follow.map((t) => t.key);

describe("whose logs Uptrust follows", () => {
  const fleet = [
    pod("shop", "frontend-1", "frontend"),
    pod("shop", "checkout-1", "checkout", 3),
    pod("payments", "ledger-0", "ledger"),
    pod("kube-system", "metrics-server-1", "metrics-server"),
    pod("kube-system", "kube-proxy-x", "kube-proxy", 1),
  ];

  it("follows every running container outside kube-system by default, and every restarted one anywhere", () => {
    expect(keys(fleet, "*/*")).toEqual(["kube-system/kube-proxy-x/app", "shop/checkout-1/app", "payments/ledger-0/app", "shop/frontend-1/app"]);
  });

  it("follows only the chosen workloads, plus whatever restarted", () => {
    expect(keys(fleet, "payments/*")).toEqual(["kube-system/kube-proxy-x/app", "shop/checkout-1/app", "payments/ledger-0/app"]);
    expect(keys(fleet, "kube-system/metrics-server")).toEqual(["kube-system/kube-proxy-x/app", "shop/checkout-1/app", "kube-system/metrics-server-1/app"]);
  });

  it("gives the followers to restarted containers first when there are not enough", () => {
    expect(keys(fleet, "*/*", 2)).toEqual(["kube-system/kube-proxy-x/app", "shop/checkout-1/app"]);
    expect(followPlan(fleet, parseWorkloadPatterns("*/*"), 2).waiting).toBe(2);
  });

  it("follows a pod the cluster warns about (failing probes) ahead of the chosen ones, even outside them", () => {
    const unhealthy = { ...pod("kube-system", "metrics-server-1", "metrics-server"), warned: true };
    expect(keys([...fleet.filter((p) => p.name !== "metrics-server-1"), unhealthy], "payments/*", 3)).toEqual([
      "kube-system/kube-proxy-x/app",
      "shop/checkout-1/app",
      "kube-system/metrics-server-1/app",
    ]);
  });

  it("always follows the cluster resolver, whose errors tell a DNS outage apart", () => {
    expect(keys([...fleet, pod("kube-system", "coredns-7d-x", "coredns")], "payments/*")).toContain("kube-system/coredns-7d-x/app");
  });

  it("does not follow a pending pod that never started", () => {
    expect(keys([pod("shop", "new-1", "new", 0, "Pending")], "*/*")).toEqual([]);
  });

  it("says which entry of UPTRUST_LOG_WORKLOADS is malformed", () => {
    expect(() => parseWorkloadPatterns("shop/checkout, payments")).toThrow(/"payments" is not namespace\/name/);
    expect(() => parseWorkloadPatterns("Shop/x")).toThrow(/"Shop\/x"/);
  });
});
