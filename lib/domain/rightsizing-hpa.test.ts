import { describe, expect, it } from "vitest";
import { hpaAdvice, hpaDesiredReplicas, type Autoscaler } from "./rightsizing-hpa.ts";

const frontendHpa: Autoscaler = { name: "frontend", minReplicas: 2, maxReplicas: 10, cpuTargetUtilization: 70, memoryTargetUtilization: null };

describe("right-sizing beside a HorizontalPodAutoscaler", () => {
  it("follows the HPA's rule: ⌈replicas × utilization ÷ target⌉, within min and max, unchanged within 10 %", () => {
    expect(hpaDesiredReplicas(frontendHpa, 2, 140, 70)).toBe(4);
    expect(hpaDesiredReplicas(frontendHpa, 2, 75, 70)).toBe(2);
    expect(hpaDesiredReplicas(frontendHpa, 4, 10, 70)).toBe(2);
    expect(hpaDesiredReplicas(frontendHpa, 8, 700, 70)).toBe(10);
  });

  it("explains that a smaller CPU request makes the same load read as more utilization, and what the HPA would do", () => {
    const a = hpaAdvice(frontendHpa, { currentReplicas: 2, medianCpuMillis: 60, currentCpuMillis: 500, recommendedCpuMillis: 70 });
    expect(a.utilizationNow).toBeCloseTo(0.12);
    expect(a.utilizationAfter).toBeCloseTo(0.857, 3);
    expect(a.expectedReplicasAfter).toBe(3);
    expect(a.warning).toContain("Scaled by HorizontalPodAutoscaler frontend (2–10 replicas, CPU target 70 % of the request).");
    expect(a.warning).toContain("median usage is 12 % of today's request and would be 86 % of the suggested one");
    expect(a.warning).toContain("about 3 replicas instead of 2");
    expect(a.warning).toMatch(/Sizes are per replica; savings count the 2 replicas running now\.$/);
  });

  it("says the replica count stays when the new request keeps utilization near the target", () => {
    const a = hpaAdvice(frontendHpa, { currentReplicas: 3, medianCpuMillis: 60, currentCpuMillis: 500, recommendedCpuMillis: 85 });
    expect(a.expectedReplicasAfter).toBe(3);
    expect(a.warning).toContain("would be 71 % of the suggested one, which by the autoscaler's own rule keeps it at 3 replicas.");
  });

  it("still answers for an HPA that scales on something other than CPU", () => {
    const a = hpaAdvice({ ...frontendHpa, cpuTargetUtilization: null, memoryTargetUtilization: 80 }, { currentReplicas: 1, medianCpuMillis: 60, currentCpuMillis: null, recommendedCpuMillis: 70 });
    expect(a.expectedReplicasAfter).toBeNull();
    expect(a.warning).toBe("Scaled by HorizontalPodAutoscaler frontend (2–10 replicas). Its memory target (80 %) is a share of the memory request in the same way. Sizes are per replica; savings count the 1 replica running now.");
  });
});
