import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realInput } from "@/lib/testing/real-input.ts";
import { describeSlo, formatProblem } from "./format-problems.ts";
import { importSlos } from "./import-slo.ts";

// Sloth's and OpenSLO's own examples, byte for byte: each is read into the SLOs its author meant, or
// refused with a sentence naming what Uptrust does not support. None is dropped, none imports empty.

const read = (file: string) => readFileSync(realInput(join("slo", file)), "utf8");
const check = (file: string, text = read(file)) => {
  const r = importSlos(text);
  return { slos: r.slos.map(describeSlo), problems: r.problems.map((p) => formatProblem(file, p)), notes: r.notes.map((n) => formatProblem(file, n)) };
};
// OpenSLO's examples leave the metric source as a placeholder (type: Any, query: Any); named, they import.
const withPrometheus = (file: string) => read(file).replace(/type: Any/g, "type: Prometheus");

describe("Sloth's examples", () => {
  it("getting-started: one 30-day events SLO at exactly 99.9 %; its alerting is said to be Uptrust's own", () => {
    const r = importSlos(read("sloth/getting-started.yml"));
    expect(r.problems).toEqual([]);
    expect(r.slos).toMatchObject([{ source: "sloth", service: "myservice", name: "requests-availability", target: 0.999, window: { kind: "rolling", days: 30 }, budgeting: "Occurrences" }]);
    expect(r.slos[0].indicator).toEqual({
      kind: "ratio",
      bad: 'sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))',
      total: 'sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))',
      sourceType: "Prometheus",
    });
    expect(check("sloth/getting-started.yml").notes).toEqual([
      "sloth/getting-started.yml:1: Sloth alerting (page and ticket alerts) is not used: Uptrust raises page and ticket alerts from its own multi-window burn rates",
    ]);
  });

  it("home-wifi and kubernetes-apiserver: every SLO, with the targets as written", () => {
    expect(check("sloth/home-wifi.yml").slos).toEqual([
      "home-wifi/good-wifi-client-satisfaction: 95% over 30d rolling, Occurrences, ratio SLI (sloth)",
      "home-wifi/risk-wifi-client-satisfaction: 99.9% over 30d rolling, Occurrences, ratio SLI (sloth)",
    ]);
    const apiserver = importSlos(read("sloth/kubernetes-apiserver.yml")).slos;
    expect(apiserver.map((s) => [s.service, s.name, s.target])).toEqual([
      ["k8s-apiserver", "requests-availability", 0.999],
      ["k8s-apiserver", "requests-latency", 0.99],
    ]);
    // A block scalar keeps the whole multi-line error query.
    expect(apiserver[1].indicator).toMatchObject({ kind: "ratio", bad: expect.stringContaining('-\n  sum(rate(apiserver_request_duration_seconds_bucket{le="0.4"') });
  });

  it("the Kubernetes form (PrometheusServiceLevel) reads exactly as the plain file it mirrors", () => {
    // The same SLOs, each found at its own line of its own file.
    const slos = (text: string) => importSlos(text).slos.map(({ at, ...s }) => ({ ...s, line: at.line }));
    const lines = (text: string, ...ls: number[]) => slos(text).map((s, i) => ({ ...s, line: ls[i] }));
    expect(slos(read("sloth/k8s-getting-started.yml"))).toEqual(lines(read("sloth/getting-started.yml"), 18));
    expect(slos(read("sloth/k8s-home-wifi.yml"))).toEqual(lines(read("sloth/home-wifi.yml"), 22, 38));
    // Its Google Managed Prometheus variant holds the same SLOs.
    const managed = read("sloth/k8s-getting-started.yml").replace("kind: PrometheusServiceLevel", "kind: ManagedPrometheusServiceLevel");
    expect(slos(managed)).toEqual(slos(read("sloth/k8s-getting-started.yml")));
  });

  it("a raw SLI is read as its error-ratio query", () => {
    const [slo] = importSlos(read("sloth/raw-home-wifi.yml")).slos;
    expect(slo).toMatchObject({ service: "home-wifi", name: "wifi-client-satisfaction", target: 0.95, window: { kind: "rolling", days: 30 } });
    expect(slo.indicator).toEqual({ kind: "raw", ratio: "error", query: expect.stringMatching(/^1 - \(\n\s+sum\(sum_over_time\(unifipoller_client_satisfaction_ratio/), sourceType: "Prometheus" });
  });

  it("an SLI plugin is refused by name, at its line", () => {
    expect(check("sloth/plugin-getting-started.yml")).toMatchObject({
      slos: [],
      problems: [
        "sloth/plugin-getting-started.yml:14: slos.0.sli.plugin.id: SLO requests-availability uses Sloth SLI plugin getting_started_availability, which Uptrust cannot evaluate (Sloth writes its PromQL); replace it with an events or raw SLI",
      ],
    });
  });
});

describe("OpenSLO's examples", () => {
  it("a placeholder metric source (type: Any) is refused by name, once per SLO", () => {
    for (const [file, line] of [["openslo/budgeting-method-occurences-slo.yaml", 17], ["openslo/budgeting-method-ratio-timeslices.yaml", 18], ["openslo/treat-low-traffic-timeslices-slo.yaml", 16]] as const) {
      expect(check(file).problems).toEqual([expect.stringMatching(new RegExp(`^${file}:${line}: spec\\.indicator\\.spec\\.\\w+\\.(good\\.)?metricSource\\.type: metric source type "Any" is not one Uptrust can query`))]);
    }
  });

  it("with a Prometheus source, each reads as its budgeting method says", () => {
    expect(check("openslo/budgeting-method-occurences-slo.yaml", withPrometheus("openslo/budgeting-method-occurences-slo.yaml")).slos).toEqual([
      "web-shop/search-slo: 99% over 14d rolling, Occurrences, threshold SLI (openslo)",
    ]);
    // RatioTimeslices needs only the slice length: each slice counts by its own ratio.
    expect(check("openslo/budgeting-method-ratio-timeslices.yaml", withPrometheus("openslo/budgeting-method-ratio-timeslices.yaml")).slos).toEqual([
      "web-shop/main-page: 99% over 14d rolling, RatioTimeslices (the mean of each 60s slice's ratio), ratio SLI (openslo)",
    ]);
    expect(check("openslo/treat-low-traffic-timeslices-slo.yaml", withPrometheus("openslo/treat-low-traffic-timeslices-slo.yaml")).slos).toEqual([
      "web-availability/service-availability: 99.95% over calendar week, Timeslices (95% of each 60s slice), ratio SLI (openslo)",
    ]);
    const [threshold] = importSlos(withPrometheus("openslo/budgeting-method-occurences-slo.yaml")).slos;
    expect(threshold.indicator).toEqual({ kind: "threshold", query: "Any", op: "lt", value: 500, sourceType: "Prometheus" });
  });

  it("the YAML-list form reads like --- documents; Services are acknowledged, and a file of Services alone holds no SLO", () => {
    expect(check("openslo/pkg-v1-slos.yaml")).toEqual({
      slos: ["web/web-availability: 99.5% over calendar week, Timeslices (95% of each 60s slice), ratio SLI (openslo)"],
      problems: [],
      notes: [],
    });
    expect(check("openslo/pkg-v1-services.yaml")).toEqual({
      slos: [],
      problems: ["openslo/pkg-v1-services.yaml: holds no SLO: add an OpenSLO kind: SLO document or a Sloth file with slos"],
      notes: [
        "openslo/pkg-v1-services.yaml:1: OpenSLO Service example-service: understood: SLOs name their service, which Uptrust matches to a workload",
        "openslo/pkg-v1-services.yaml:13: OpenSLO Service example-service: understood: SLOs name their service, which Uptrust matches to a workload",
      ],
    });
    const both = importSlos(`${read("openslo/pkg-v1-services.yaml")}---\n${read("openslo/pkg-v1-slos.yaml")}`);
    expect([both.slos.map((s) => s.name), both.problems, both.notes.map((n) => n.document)]).toEqual([["web-availability"], [], [1, 2]]);
  });
});

describe("what is not an SLO file", () => {
  it("a Kubernetes app's manifests say which document is what, instead of importing nothing", () => {
    const { problems } = importSlos(readFileSync(realInput("manifests/guestbook-all-in-one.yaml"), "utf8"));
    expect(problems.map((p) => [p.document, p.line])).toEqual([[1, 1], [2, 18], [3, 46], [4, 62], [5, 98], [6, 117]]);
    expect(problems[1].message).toMatch(/^document 2 is an apps\/v1 Deployment, not an SLO: Uptrust imports OpenSLO .* and Sloth/);
  });

  it("every real SLO file is read into SLOs or refused with a reason, never read as nothing", () => {
    const files = ["sloth", "openslo"].flatMap((dir) => readdirSync(realInput(join("slo", dir))).map((f) => `${dir}/${f}`));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const { slos, problems } = importSlos(read(file));
      expect(slos.length > 0 !== problems.length > 0, file).toBe(true);
      for (const p of problems) expect(p.message.length, file).toBeGreaterThan(20);
    }
  });
});
