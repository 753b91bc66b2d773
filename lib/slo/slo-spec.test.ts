import { describe, expect, it } from "vitest";
import { bindImport } from "./bind-import.ts";
import { importSlos } from "./import-slo.ts";
import { formatIssues, sloForm, specFromForm } from "./slo-spec.ts";

describe("an SLO defined on the cockpit", () => {
  it("a latency SLO needs one of the stored latency bounds, and says which", () => {
    const bad = sloForm.safeParse({ workload: "shop/checkout", name: "checkout-latency", indicator: "latency", target: 0.99, thresholdMs: 450 });
    expect(bad.success).toBe(false);
    expect(formatIssues(bad.error!)).toMatch(/^thresholdMs: a latency SLO needs a threshold in ms, one of 50, 100, .*500/);
  });

  it("a calendar month budgets over 31 days; availability is always judged minute by minute", () => {
    const f = sloForm.parse({ workload: "shop/checkout", name: "checkout-up", indicator: "availability", target: 0.995, calendar: "month", budgeting: "occurrences" });
    expect(specFromForm(f)).toMatchObject({ windowDays: 31, calendar: "month", budgeting: "timeslices", thresholdMs: null });
  });

  it("names the field to fix in a malformed workload or target", () => {
    const r = sloForm.safeParse({ workload: "checkout", name: "x", indicator: "success", target: 99.9 });
    expect(formatIssues(r.error!)).toBe("workload: must be namespace/name, e.g. shop/checkout; target: must be below 1 (0.999 for 99.9 %)");
  });
});

const uptrustLatency = `apiVersion: openslo/v1
kind: SLO
metadata: { name: frontend-fast }
spec:
  service: shop/frontend
  indicator:
    spec:
      thresholdMetric: { metricSource: { type: Uptrust, spec: { query: latency } } }
  timeWindow: [{ duration: 7d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ op: lte, value: 300, target: 0.99 }]
`;

describe("an imported SLO bound to what Uptrust measures", () => {
  it("an Uptrust metric source names Uptrust's own latency SLI, its value the threshold in ms", () => {
    const [d] = importSlos(uptrustLatency).slos;
    expect(bindImport(d)).toEqual({
      service: "shop/frontend",
      spec: { name: "frontend-fast", indicator: "latency", target: 0.99, thresholdMs: 300, windowDays: 7, calendar: null, budgeting: "occurrences", timesliceTarget: null, description: "", query: null },
    });
  });

  it("a Sloth SLO keeps its PromQL as written", () => {
    const [d] = importSlos(`version: prometheus/v1
service: shop/checkout
slos:
  - name: requests-availability
    objective: 99.9
    sli: { events: { error_query: 'sum(rate(http_requests_total{code=~"5.."}[5m]))', total_query: 'sum(rate(http_requests_total[5m]))' } }
`).slos;
    const b = bindImport(d);
    expect("spec" in b && b.spec.indicator).toBe("promql");
    expect("spec" in b && b.spec.description).toContain('bad sum(rate(http_requests_total{code=~"5.."}[5m]))');
  });

  it("an Uptrust query that is not one of its SLIs is refused by name", () => {
    const [d] = importSlos(uptrustLatency.replace("query: latency", "query: p99")).slos;
    expect(bindImport(d)).toEqual({ service: "shop/frontend", problem: 'frontend-fast: an Uptrust metric\'s query must be availability, success or latency, not "p99"' });
  });
});
