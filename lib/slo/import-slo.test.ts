import { describe, expect, it } from "vitest";
import { importSlos } from "./import-slo.ts";

const openslo = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-errors
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{job="checkout",code!~"5.."}[5m]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{job="checkout"}[5m]))
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: good requests
      target: 0.999
`;

const slothFile = `version: "prometheus/v1"
service: "frontend"
slos:
  - name: "requests-availability"
    objective: 99.5
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="frontend",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="frontend"}[{{.window}}]))
`;

describe("importing SLOs SREs already wrote", () => {
  it("reads an OpenSLO v1 ratio SLO: target, rolling 28-day window, occurrences, both queries", () => {
    const { slos, problems } = importSlos(openslo);
    expect(problems).toEqual([]);
    expect(slos).toEqual([
      {
        source: "openslo",
        name: "checkout-availability",
        service: "checkout",
        target: 0.999,
        window: { kind: "rolling", days: 28 },
        budgeting: "Occurrences",
        indicator: {
          kind: "ratio",
          good: 'sum(rate(http_requests_total{job="checkout",code!~"5.."}[5m]))',
          bad: undefined,
          total: 'sum(rate(http_requests_total{job="checkout"}[5m]))',
          sourceType: "Prometheus",
        },
      },
    ]);
  });

  it("reads a Sloth file as 30-day occurrence SLOs counting errors", () => {
    const [slo] = importSlos(slothFile).slos;
    expect(slo).toMatchObject({ source: "sloth", name: "requests-availability", service: "frontend", target: 0.995, window: { kind: "rolling", days: 30 } });
    expect(slo.indicator).toMatchObject({ kind: "ratio", bad: expect.stringContaining('code=~"5.."') });
  });

  it("reads a calendar month with timeslices, and skips other OpenSLO kinds in the same file", () => {
    const text = `apiVersion: openslo/v1
kind: Service
metadata: { name: checkout }
spec: {}
---
${openslo
  .replace("    - duration: 28d\n      isRolling: true", "    - duration: 1M\n      calendar: { startTime: 2026-01-01 00:00:00, timeZone: UTC }")
  .replace("budgetingMethod: Occurrences", "budgetingMethod: Timeslices")
  .replace("      target: 0.999", "      target: 0.99\n      timeSliceTarget: 0.95\n      timeSliceWindow: 1m")}`;
    const { slos, problems } = importSlos(text);
    expect(problems).toEqual([]);
    expect(slos.map((s) => [s.window, s.budgeting, s.timeslice])).toEqual([[{ kind: "calendar", unit: "month" }, "Timeslices", { target: 0.95, windowSeconds: 60 }]]);
  });

  it("names the line and field of each mistake and imports nothing from a file with one", () => {
    const broken = openslo.replace("target: 0.999", "target: 99.9").replace("budgetingMethod: Occurrences", "budgetingMethod: Events");
    const { slos, problems } = importSlos(`${slothFile}---\n${broken}`);
    expect(slos).toEqual([]);
    // Lines count from the top of the file (the Sloth document and its separator take lines 1-10).
    expect(problems).toEqual([
      { document: 2, line: 36, field: "spec.budgetingMethod", message: "must be Occurrences, Timeslices or RatioTimeslices" },
      { document: 2, line: 39, field: "spec.objectives.0.target", message: "must be below 1 (0.999 for 99.9 %)" },
    ]);
  });

  it("points at the parent when a required field is missing, and at the line of a YAML syntax error", () => {
    const noService = importSlos(openslo.replace("  service: checkout\n", "")).problems;
    expect(noService).toEqual([{ document: 1, line: 6, field: "spec.service", message: expect.stringMatching(/expected string|must name/) }]);
    const syntax = importSlos("version: prometheus/v1\nservice: [unclosed\n").problems;
    expect(syntax[0]).toMatchObject({ document: 1, line: expect.any(Number) });
    expect(syntax[0].line).toBeGreaterThanOrEqual(2);
  });

  it("refuses a document that is neither format, and the same SLO twice", () => {
    expect(importSlos("kind: Deployment\n").problems[0].message).toMatch(/neither OpenSLO .* nor Sloth/);
    expect(importSlos(`${slothFile}---\n${slothFile}`).problems).toEqual([{ document: 0, line: 1, field: "name", message: "SLO frontend/requests-availability is defined twice" }]);
  });
});
