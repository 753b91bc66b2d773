import { describe, expect, it } from "vitest";
import { parseRuleExportQuery } from "./rule-export-query.ts";

const parse = (query: string, withCluster = true) => parseRuleExportQuery(new URLSearchParams(query), withCluster);

describe("a rule-file download's query", () => {
  it("defaults to a rule file, and reads a PrometheusRule's namespace and kube-prometheus-stack's release label", () => {
    expect(parse("")).toEqual({ query: { format: "rules", labels: {} } });
    expect(parse("cluster=prod-eu-1")).toEqual({ query: { cluster: "prod-eu-1", format: "rules", labels: {} } });
    expect(parse("format=prometheusrule&namespace=monitoring&label=release=kube-prometheus-stack&label=example.com/team=sre&label=empty=")).toEqual({
      query: { format: "prometheusrule", namespace: "monitoring", labels: { release: "kube-prometheus-stack", "example.com/team": "sre", empty: "" } },
    });
  });

  it("names what is wrong and what to write instead", () => {
    expect(parse("format=yaml")).toEqual({ problem: "format=yaml is not one Uptrust writes: rules (for rule_files) or prometheusrule (for the Prometheus Operator)" });
    expect(parse("namespace=monitoring")).toEqual({
      problem: "namespace and label name where a PrometheusRule goes: add format=prometheusrule, or leave them out",
    });
    expect(parse("format=prometheusrule&namespace=Monitoring")).toEqual({
      problem: "namespace=Monitoring is not a namespace name: lower-case letters, digits and '-', at most 63",
    });
    expect(parse("format=prometheusrule&label=release")).toEqual({ problem: "label=release must be key=value, such as label=release=kube-prometheus-stack" });
    expect(parse("format=prometheusrule&label=-bad=x")).toMatchObject({ problem: expect.stringMatching(/^label key -bad is not a Kubernetes label name/) });
    expect(parse("format=prometheusrule&label=Bad_Domain/x=y")).toMatchObject({ problem: expect.stringMatching(/^label key Bad_Domain\/x is not/) });
    expect(parse(`format=prometheusrule&label=team=${"x".repeat(64)}`)).toMatchObject({ problem: expect.stringMatching(/^label team's value x+ is not a Kubernetes label value/) });
    expect(parse("format=prometheusrule&label=a=1&label=a=2")).toEqual({ problem: "label a is given twice: give each key once" });
    expect(parse("format=rules&format=prometheusrule")).toEqual({ problem: "format is given 2 times: give it once" });
    expect(parse("cluster=")).toEqual({ problem: "cluster must name a cluster, in at most 253 characters" });
  });

  it("takes a cluster only where every SLO is exported", () => {
    expect(parse("cluster=prod", false)).toEqual({ problem: "cluster is not a setting of this download: give only format, namespace, label" });
    expect(parse("clusters=prod")).toEqual({ problem: "clusters is not a setting of this download: give only cluster, format, namespace, label" });
  });
});
