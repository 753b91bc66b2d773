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
        at: { document: 1, line: 28 },
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

const sli = `apiVersion: openslo/v1
kind: SLI
metadata: { name: checkout-errors }
spec:
  ratioMetric:
    counter: true
    bad: { metricSource: { metricSourceRef: prom, spec: { query: 'sum(rate(http_requests_total{code=~"5.."}[1m]))' } } }
    total: { metricSource: { metricSourceRef: prom, spec: { query: 'sum(rate(http_requests_total[1m]))' } } }
`;
const byRef = `apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-ratio }
spec:
  service: shop/checkout
  indicatorRef: checkout-errors
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: RatioTimeslices
  objectives: [{ targetPercent: 99.95, timeSliceWindow: 1m }]
`;
const dataSource = "apiVersion: openslo/v1\nkind: DataSource\nmetadata: { name: prom }\nspec: { type: Prometheus, connectionDetails: { url: http://prometheus:9090 } }\n";

describe("OpenSLO objects that refer to each other", () => {
  it("an indicatorRef takes the SLI of the same import, its metrics' source from the DataSource they name", () => {
    const { slos, problems } = importSlos(`${byRef}---\n${sli}---\n${dataSource}`);
    expect(problems).toEqual([]);
    expect(slos).toEqual([
      {
        source: "openslo",
        name: "checkout-ratio",
        service: "shop/checkout",
        target: 0.9995,
        window: { kind: "rolling", days: 30 },
        budgeting: "RatioTimeslices",
        timeslice: { windowSeconds: 60 },
        indicator: { kind: "ratio", good: undefined, bad: 'sum(rate(http_requests_total{code=~"5.."}[1m]))', total: "sum(rate(http_requests_total[1m]))", sourceType: "Prometheus" },
        at: { document: 1, line: 9 },
      },
    ]);
  });

  it("an SLI no SLO refers to is said to measure nothing", () => {
    expect(importSlos(`${openslo}---\n${sli}---\n${dataSource}`).notes).toEqual([
      { document: 2, line: 31, field: "", message: "OpenSLO SLI checkout-errors: no SLO of this import refers to it (indicatorRef), so nothing measures it" },
    ]);
  });

  it("a reference to an SLI or a DataSource the import does not hold is named at its line", () => {
    expect(importSlos(byRef).problems).toEqual([
      { document: 1, line: 6, field: "spec.indicatorRef", message: 'names SLI "checkout-errors", which this import does not define (a kind: SLI document beside it)' },
    ]);
    expect(importSlos(`${byRef}---\n${sli}`).problems).toEqual([
      {
        document: 2,
        line: 17,
        field: "spec.ratioMetric.bad.metricSource.metricSourceRef",
        message: 'names DataSource "prom", which this import does not define (a kind: DataSource document beside it, or type: beside the reference)',
      },
    ]);
    // With its type beside the reference, the metric needs no DataSource: Uptrust asks its own Prometheus.
    expect(importSlos(`${byRef}---\n${sli.replace(/metricSourceRef: prom,/g, "metricSourceRef: prom, type: Prometheus,")}`).problems).toEqual([]);
  });

  it("a metric from a source that is not PromQL is refused by its type, whatever fields it has instead of a query", () => {
    const appd = sli
      .replace(/ {4}bad:.*\n/, "    bad: { metricSource: { type: AppDynamics, spec: { applicationName: shop, metricPath: 'End User Experience|Slow Requests' } } }\n")
      .replace(/ {4}total:.*\n/, "    total: { metricSource: { type: AppDynamics, spec: { applicationName: shop, metricPath: 'End User Experience|Normal Requests' } } }\n");
    expect(importSlos(`${byRef}---\n${appd}`).problems).toEqual([
      {
        document: 2,
        line: 17,
        field: "spec.ratioMetric.bad.metricSource.type",
        message: expect.stringMatching(/^metric source type "AppDynamics" is not one Uptrust can query: use type Prometheus/),
      },
    ]);
  });

  it("a version of OpenSLO Uptrust does not read is named", () => {
    expect(importSlos(openslo.replace("openslo/v1", "openslo/v2alpha")).problems).toEqual([
      { document: 1, line: 1, field: "apiVersion", message: "document 1 is openslo/v2alpha, a version of OpenSLO Uptrust does not read: write it as openslo/v1" },
    ]);
  });

  it("alert objects are acknowledged as not used, an unknown OpenSLO kind is refused by name", () => {
    const policy = "apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata: { name: page-on-burn }\nspec: {}\n";
    const { notes } = importSlos(`${openslo}---\n${policy}`);
    expect(notes).toEqual([{ document: 2, line: 31, field: "", message: "OpenSLO AlertPolicy page-on-burn: not used: Uptrust raises page and ticket alerts from its own multi-window burn rates" }]);
    expect(importSlos(`${openslo}---\napiVersion: openslo/v1\nkind: Dashboard\nmetadata: { name: x }\n`).problems).toEqual([
      { document: 2, line: 32, field: "kind", message: "document 2 is an OpenSLO Dashboard, a kind Uptrust does not read: it imports SLO, SLI, DataSource and Service" },
    ]);
  });

  it("RatioTimeslices needs only the slice length; Timeslices needs its target too; slices are Uptrust's minutes", () => {
    const timeslices = byRef.replace("RatioTimeslices", "Timeslices");
    expect(importSlos(`${timeslices}---\n${sli}---\n${dataSource}`).problems).toEqual([
      { document: 1, line: 9, field: "spec.objectives.0", message: "Timeslices budgeting needs timeSliceTarget and timeSliceWindow" },
    ]);
    expect(importSlos(`${byRef.replace("timeSliceWindow: 1m", "timeSliceWindow: 5m")}---\n${sli}---\n${dataSource}`).problems).toEqual([
      { document: 1, line: 9, field: "spec.objectives.0.timeSliceWindow", message: "is 5m: Uptrust judges one-minute slices; set timeSliceWindow: 1m" },
    ]);
  });

  it("a raw ratio SLI reads as the good or the error ratio its rawType says", () => {
    const raw = sli.replace(/ {4}bad:.*\n {4}total:.*\n/, "    rawType: success\n    raw: { metricSource: { type: Prometheus, spec: { query: 'avg(up)' } } }\n");
    const [slo] = importSlos(`${byRef}---\n${raw}`).slos;
    expect(slo.indicator).toEqual({ kind: "raw", query: "avg(up)", ratio: "good", sourceType: "Prometheus" });
  });
});

describe("OpenSLO v1alpha, as Sloth writes it", () => {
  const alpha = `apiVersion: openslo/v1alpha
kind: SLO
metadata: { name: api-latency }
spec:
  service: shop/api
  objectives:
    - ratioMetrics:
        good: { source: prometheus, queryType: promql, query: 'sum(rate(le_bucket{le="0.5"}[{{.window}}]))' }
        total: { source: prometheus, queryType: promql, query: 'sum(rate(le_count[{{.window}}]))' }
      target: 0.99
    - ratioMetrics:
        good: { source: prometheus, queryType: promql, query: 'sum(rate(le_bucket{le="2"}[{{.window}}]))' }
        total: { source: prometheus, queryType: promql, query: 'sum(rate(le_count[{{.window}}]))' }
      target: 0.999
  timeWindows: [{ count: 4, unit: Week }]
`;
  it("reads each objective as an SLO over its window of units", () => {
    const { slos, problems } = importSlos(alpha);
    expect(problems).toEqual([]);
    expect(slos.map((s) => [s.name, s.target, s.window, s.budgeting, s.indicator.kind])).toEqual([
      ["api-latency-1", 0.99, { kind: "rolling", days: 28 }, "Occurrences", "ratio"],
      ["api-latency-2", 0.999, { kind: "rolling", days: 28 }, "Occurrences", "ratio"],
    ]);
  });

  it("reads a threshold SLI over a calendar week, whatever queryType a Prometheus source names", () => {
    const threshold = `apiVersion: openslo/v1alpha
kind: SLO
metadata: { name: api-p99 }
spec:
  service: shop/api
  indicator: { thresholdMetric: { source: Prometheus, queryType: query, query: 'histogram_quantile(0.99, sum by (le) (rate(le_bucket[5m])))' } }
  timeWindows: [{ unit: Week, count: 1, isRolling: false, calendar: { startTime: "2026-01-05 00:00:00", timeZone: UTC } }]
  budgetingMethod: Occurrences
  objectives: [{ op: lte, value: 0.3, target: 0.98 }]
`;
    expect(importSlos(threshold).slos).toMatchObject([{ name: "api-p99", target: 0.98, window: { kind: "calendar", unit: "week" }, indicator: { kind: "threshold", op: "lte", value: 0.3 } }]);
  });

  it("refuses what it cannot query, by name", () => {
    expect(importSlos(alpha.replace("source: prometheus, queryType: promql", "source: datadog, queryType: metrics")).problems[0]).toMatchObject({
      line: 8,
      field: "spec.objectives.0.ratioMetrics.good",
      message: expect.stringContaining('metric source type "datadog" is not one Uptrust can query'),
    });
  });
});

describe("files that must not be read blindly", () => {
  it("a YAML alias bomb is refused, not expanded", () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const { slos, problems } = importSlos(`version: prometheus/v1\n${levels.join("\n")}\n`);
    expect(slos).toEqual([]);
    expect(problems).toEqual([{ document: 1, line: 1, field: "", message: expect.stringMatching(/^expands YAML aliases beyond 100 .*write the values out instead$/) }]);
  });

  it("anchors and merge keys read as Sloth reads them", () => {
    const shared = `version: prometheus/v1
service: shop/checkout
slos:
  - &availability
    name: availability
    objective: 99.9
    sli: { events: { error_query: 'sum(rate(errors[{{.window}}]))', total_query: 'sum(rate(requests[{{.window}}]))' } }
  - <<: *availability
    name: availability-strict
    objective: 99.99
`;
    expect(importSlos(shared).slos.map((s) => [s.name, s.target, s.indicator])).toEqual([
      ["availability", 0.999, { kind: "ratio", bad: "sum(rate(errors[{{.window}}]))", total: "sum(rate(requests[{{.window}}]))", sourceType: "Prometheus" }],
      ["availability-strict", 0.9999, { kind: "ratio", bad: "sum(rate(errors[{{.window}}]))", total: "sum(rate(requests[{{.window}}]))", sourceType: "Prometheus" }],
    ]);
  });

  it("targets are stored as written in percent: 99.9 is 0.999, not 0.9990000000000001", () => {
    const [slo] = importSlos(slothFile.replace("objective: 99.5", "objective: 99.9")).slos;
    expect(slo.target).toBe(0.999);
    const [alpha] = importSlos(openslo.replace("target: 0.999", "targetPercent: 99.99")).slos;
    expect(alpha.target).toBe(0.9999);
  });

  it("Sloth SLO plugins are said not to run; a file with an empty SLO list is refused", () => {
    const withPlugins = slothFile.replace('slos:\n', 'slo_plugins:\n  chain: [{ id: "sloth.dev/contrib/denominator_corrected_rules/v1" }]\nslos:\n');
    expect(importSlos(withPlugins).notes.map((n) => n.message)).toEqual([
      "Sloth SLO plugins (sloth.dev/contrib/denominator_corrected_rules/v1) change the rules Sloth generates; Uptrust evaluates the SLIs itself and does not run them",
    ]);
    expect(importSlos("").problems).toEqual([{ document: 0, line: 1, field: "", message: "holds no SLO: add an OpenSLO kind: SLO document or a Sloth file with slos" }]);
  });
});
