import { describe, expect, it } from "vitest";
import { parseEnv } from "../env.ts";
import { parsePrometheusUrls } from "./parse-prometheus-urls.ts";
import { prometheusFor } from "./prometheus-for.ts";

describe("which Prometheus answers for a cluster", () => {
  const settings = parseEnv({
    UPTRUST_PROMETHEUS_URL: "http://thanos.monitoring:10902",
    UPTRUST_PROMETHEUS_CLUSTER_LABEL: "cluster",
    UPTRUST_PROMETHEUS_URLS: "prod=http://prometheus.prod:9090, arn:aws:eks:eu-west-1:123456789012:cluster/edge=https://prometheus.edge",
  });

  it("a cluster with its own Prometheus is read from it, without a cluster label: that Prometheus holds it alone", () => {
    expect(prometheusFor(settings, "prod")).toEqual({ url: "http://prometheus.prod:9090", clusterLabel: null });
    expect(prometheusFor(settings, "arn:aws:eks:eu-west-1:123456789012:cluster/edge")).toEqual({ url: "https://prometheus.edge", clusterLabel: null });
  });

  it("any other cluster is read from the shared one, by its label; with neither, from none", () => {
    expect(prometheusFor(settings, "staging")).toEqual({ url: "http://thanos.monitoring:10902", clusterLabel: "cluster" });
    expect(prometheusFor(parseEnv({ UPTRUST_PROMETHEUS_URLS: "prod=http://prometheus.prod:9090" }), "staging")).toBeNull();
    expect(prometheusFor(parseEnv({}), "prod")).toBeNull();
  });
});

describe("UPTRUST_PROMETHEUS_URLS", () => {
  it("refuses each mistake with a sentence saying how to write it, and stops start-up naming the variable", () => {
    expect(parsePrometheusUrls("prod")).toEqual({ ok: false, error: '"prod" is not cluster=URL: write e.g. prod=http://prometheus.prod:9090,staging=http://prometheus.staging:9090' });
    expect(parsePrometheusUrls("prod=prometheus:9090")).toEqual({ ok: false, error: `prod's Prometheus "prometheus:9090" is not an http(s) URL` });
    expect(parsePrometheusUrls("prod=http://a:9090,prod=http://b:9090")).toEqual({ ok: false, error: "prod is listed twice" });
    expect(() => parseEnv({ UPTRUST_PROMETHEUS_URLS: "=http://a:9090" })).toThrow(/UPTRUST_PROMETHEUS_URLS "=http:\/\/a:9090" is not cluster=URL/);
  });
});
