import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { burnRateRules } from "./burn-rate.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./slo.ts";
import { prometheusRuleName, prometheusRuleYaml, ruleFileName, ruleFileYaml } from "./slo-rules-yaml.ts";
import { alertName, ownWindowFigures, sloRuleGroups, type AlertingRule, type ExportedSlo, type RecordingRule } from "./slo-rules.ts";

const checkoutRequests: ExportedSlo = {
  id: "4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90",
  cluster: "prod",
  namespace: "shop",
  workload: "checkout",
  name: "requests-availability",
  indicator: "promql",
  target: 0.999,
  windowDays: 30,
  calendar: null,
  budgeting: "occurrences",
  timesliceTarget: null,
  query: { kind: "ratio", bad: 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))', total: 'sum(rate(http_requests_total{job="checkout"}[{{.window}}]))' },
};
const availability: ExportedSlo = { ...checkoutRequests, name: "availability", indicator: "availability", budgeting: "timeslices", query: null };

const recordings = (slo: ExportedSlo) => sloRuleGroups(slo).flatMap((g) => g.rules).filter((r): r is RecordingRule => "record" in r);
const alertsOf = (slo: ExportedSlo) => sloRuleGroups(slo).flatMap((g) => g.rules).filter((r): r is AlertingRule => "alert" in r);
const recorded = (slo: ExportedSlo, record: string) => recordings(slo).find((r) => r.record === record)!;

// Each `(slo:sli_error:ratio_rateW{…} > (F * budget))` of an alert, as [window, factor × budget].
const thresholds = (expr: string) => [...expr.matchAll(/slo:sli_error:ratio_rate(\w+)\{[^}]*\} > \(([\d.]+) \* ([\d.]+)\)/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);

describe("an SLO exported as Sloth's Prometheus rules", () => {
  it("a 99.9 % SLO over 30 days pages at 14.4x over 1h and 5m, or at 6x over 6h and 30m", () => {
    const page = alertsOf(checkoutRequests).find((a) => a.labels.sloth_severity === "page")!;
    expect(thresholds(page.expr)).toEqual([["5m", 14.4, 0.001], ["1h", 14.4, 0.001], ["30m", 6, 0.001], ["6h", 6, 0.001]]);
    expect(page.labels).toMatchObject({ sloth_severity: "page", severity: "page", sloth_id: "shop/checkout-requests-availability" });
  });

  it("opens a ticket at 3x over 1d and 2h, or at 1x over 3d and 6h", () => {
    const ticket = alertsOf(checkoutRequests).find((a) => a.labels.sloth_severity === "ticket")!;
    expect(thresholds(ticket.expr)).toEqual([["2h", 3, 0.001], ["1d", 3, 0.001], ["6h", 1, 0.001], ["3d", 1, 0.001]]);
  });

  it("scales the factors to a 28-day period as Sloth does, over the same windows", () => {
    const page = alertsOf({ ...checkoutRequests, windowDays: 28 }).find((a) => a.labels.sloth_severity === "page")!;
    expect(thresholds(page.expr).map(([w, f]) => `${w}:${f}`)).toEqual(["5m:13.44", "1h:13.44", "30m:5.6", "6h:5.6"]);
    expect(burnRateRules(28 * DAY_MS).map((r) => r.burnRate)).toEqual([13.44, 5.6, 2.8, 0.93]);
  });

  it("records the error ratio of every window Sloth records, the period's too, each labelled with its window", () => {
    expect(recordings(checkoutRequests).filter((r) => r.record.startsWith("slo:sli_error")).map((r) => `${r.record} ${r.labels.sloth_window}`)).toEqual(
      ["5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d"].map((w) => `slo:sli_error:ratio_rate${w} ${w}`),
    );
  });

  it("names the SLO with Sloth's labels on every series: sloth_id, sloth_service and sloth_slo, and the cluster", () => {
    for (const r of recordings(checkoutRequests)) {
      expect(r.labels).toMatchObject({ sloth_id: "shop/checkout-requests-availability", sloth_service: "shop/checkout", sloth_slo: "requests-availability", uptrust_cluster: "prod" });
    }
  });

  it("writes Sloth's metadata: objective, error budget, period, current and period burn, budget remaining, info", () => {
    expect(recordings(checkoutRequests).filter((r) => !r.record.startsWith("slo:sli_")).map((r) => r.record)).toEqual([
      "slo:objective:ratio",
      "slo:error_budget:ratio",
      "slo:time_period:days",
      "slo:current_burn_rate:ratio",
      "slo:period_burn_rate:ratio",
      "slo:period_error_budget_remaining:ratio",
      "sloth_slo_info",
    ]);
    expect(recorded(checkoutRequests, "slo:objective:ratio").expr).toBe("vector(0.999)");
    expect(recorded(checkoutRequests, "slo:error_budget:ratio").expr).toBe("vector(1-0.999)");
    expect(recorded(checkoutRequests, "slo:time_period:days").expr).toBe("vector(30)");
    expect(recorded(checkoutRequests, "slo:current_burn_rate:ratio").expr).toMatch(/^slo:sli_error:ratio_rate5m\{.*\}\n\/ on\(sloth_id, sloth_service, sloth_slo, uptrust_cluster\) group_left\nslo:error_budget:ratio\{/);
    expect(recorded(checkoutRequests, "slo:period_burn_rate:ratio").expr).toMatch(/^slo:sli_error:ratio_rate30d\{/);
    expect(recorded(checkoutRequests, "sloth_slo_info").labels).toMatchObject({ sloth_objective: "99.9", sloth_mode: "uptrust-export" });
  });

  it("pages only on a long window of at least 10 events, as Uptrust does: an idle workload's one bad minute pages nobody", () => {
    for (const alert of alertsOf(checkoutRequests)) {
      const longWindows = thresholds(alert.expr).filter((_, i) => i % 2 === 1).map(([w]) => w);
      expect([...alert.expr.matchAll(/slo:sli_events:count(\w+)\{[^}]*\} >= 10\)/g)].map((m) => m[1])).toEqual(longWindows);
    }
  });

  it("counts each window's events as Uptrust does: requests for Occurrences, minutes with a value otherwise, the worker's own figures", () => {
    expect(recorded(checkoutRequests, "slo:sli_events:count1h").expr).toBe('sum(sum(rate(http_requests_total{job="checkout"}[1h]))) * 3600');
    const perMinute = { ...checkoutRequests, query: { ...checkoutRequests.query!, total: 'sum(rate(http_requests_total{job="checkout"}[1m]))' } };
    expect(recorded(perMinute, "slo:sli_events:count6h").expr).toBe('sum_over_time((sum(sum(rate(http_requests_total{job="checkout"}[1m]))))[6h:1m]) * 60');
    const slices = { ...checkoutRequests, budgeting: "timeslices" as const };
    expect(recorded(slices, "slo:sli_events:count1h").expr).toMatch(/^count_over_time\(clamp\(1 - sum\(.*\)\[1h:1m\]\)$/);
    expect(recorded(availability, "slo:sli_events:count1d").expr).toBe(
      'max by (sloth_id, sloth_service, sloth_slo, uptrust_cluster) (uptrust_slo_window_events{sloth_id="shop/checkout-availability", sloth_service="shop/checkout", sloth_slo="availability", uptrust_cluster="prod", sloth_window="1d"})',
    );
  });

  it("asks a Sloth events SLI over each window as Sloth writes it: the error query over the total query", () => {
    expect(recorded(checkoutRequests, "slo:sli_error:ratio_rate1h").expr).toBe(
      '(sum(sum(rate(http_requests_total{job="checkout",code=~"5.."}[1h])))) / (sum(sum(rate(http_requests_total{job="checkout"}[1h]))))',
    );
  });

  it("sums a query without {{.window}} a minute at a time, as Uptrust measures it", () => {
    const fixed = { ...checkoutRequests, query: { kind: "ratio" as const, good: "sum(increase(ok[1m]))", total: "sum(increase(all[1m]))" } };
    expect(recorded(fixed, "slo:sli_error:ratio_rate6h").expr).toBe("1 - (sum_over_time((sum(sum(increase(ok[1m]))))[6h:1m]) / sum_over_time((sum(sum(increase(all[1m]))))[6h:1m]))");
  });

  it("counts a timeslices SLO's minutes that miss the slice target, skipping minutes without traffic", () => {
    const slices = { ...checkoutRequests, budgeting: "timeslices" as const, timesliceTarget: 0.95 };
    expect(recorded(slices, "slo:sli_error:ratio_rate5m").expr).toBe(
      '1 - avg_over_time((clamp(1 - sum(sum(rate(http_requests_total{job="checkout",code=~"5.."}[1m]))) / (sum(sum(rate(http_requests_total{job="checkout"}[1m]))) > 0), 0, 1) >= bool 0.95)[5m:1m])',
    );
  });

  it("judges a threshold SLI minute by minute: p99 latency at or under 0.3 s", () => {
    const p99 = { ...checkoutRequests, query: { kind: "threshold" as const, query: "histogram_quantile(0.99, sum(rate(le_bucket[5m])) by (le))", op: "lte" as const, value: 0.3 } };
    expect(recorded(p99, "slo:sli_error:ratio_rate30m").expr).toBe("1 - avg_over_time((sum(histogram_quantile(0.99, sum(rate(le_bucket[5m])) by (le))) <= bool 0.3)[30m:1m])");
  });

  it("reads an SLO Uptrust measures itself from the analyze worker's window figures", () => {
    expect(recorded(availability, "slo:sli_error:ratio_rate2h").expr).toBe(
      'max by (sloth_id, sloth_service, sloth_slo, uptrust_cluster) (uptrust_slo_sli_error_ratio{sloth_id="shop/checkout-availability", sloth_service="shop/checkout", sloth_slo="availability", uptrust_cluster="prod", sloth_window="2h"})',
    );
    expect(recorded(availability, "slo:sli_error:ratio_rate30d").expr).toContain('sloth_window="30d"');
  });

  it("a 1-day SLO's period is its 1-day window: recorded once", () => {
    const daily = recordings({ ...checkoutRequests, windowDays: 1 }).map((r) => r.record);
    expect(daily.filter((r) => r === "slo:sli_error:ratio_rate1d")).toHaveLength(1);
  });

  it("names the alert after the workload and the SLO, as a Prometheus alert name", () => {
    expect(alertName(checkoutRequests)).toBe("CheckoutRequestsAvailabilitySLO");
    expect(alertName({ workload: "2fa", name: "p99.latency" })).toBe("Slo2faP99LatencySLO");
  });

  it("tells apart the alerts of two namespaces' frontends, which share an alert name, by the SLO's labels", () => {
    const frontend = (namespace: string, cluster = "prod") => ({ ...availability, id: namespace, namespace, workload: "frontend", cluster });
    const rules = [frontend("shop"), frontend("guestbook"), frontend("shop", "staging")].flatMap(alertsOf);
    expect(new Set(rules.map((r) => r.alert))).toEqual(new Set(["FrontendAvailabilitySLO"]));
    const keys = rules.map((r) => JSON.stringify([r.alert, r.labels.sloth_id, r.labels.uptrust_cluster, r.labels.severity]));
    expect(new Set(keys).size).toBe(6);
  });
});

describe("the window figures the analyze worker serves for Uptrust's own SLOs", () => {
  it("are each window's burn × the error budget: a 14.4x hour of a 99.9 % SLO is an error ratio of 1.44 %", () => {
    const evaluated = [{ longWindowMs: HOUR_MS, shortWindowMs: 5 * MINUTE_MS, longBurn: 14.4, shortBurn: 20, longEvents: 60, shortEvents: 5 }];
    const figures = ownWindowFigures(evaluated, 0.999, 30, 0.5);
    expect(figures.map((f) => [f.window, Number(f.errorRatio.toFixed(6)), f.events])).toEqual([["5m", 0.02, 5], ["1h", 0.0144, 60], ["30d", 0.0005, null]]);
  });

  it("serve nothing before the SLO's first evaluation", () => {
    expect(ownWindowFigures([], 0.999, 30, 0)).toEqual([]);
  });
});

describe("the rule file", () => {
  it("reads back as the groups it was written from, under a header naming Uptrust", () => {
    const groups = [...sloRuleGroups(checkoutRequests), ...sloRuleGroups(availability)];
    const text = ruleFileYaml([checkoutRequests, availability], new Date("2026-12-06T12:00:00Z"));
    expect(text.split("\n")[0]).toBe("# Prometheus rules generated by Uptrust for 2 SLOs at 2026-12-06T12:00:00.000Z.");
    expect(parse(text)).toEqual({ groups });
    expect(groups.map((g) => g.name)).toContain("sloth-slo-alerts-prod/shop/checkout-availability");
  });

  it("leaves out a PromQL SLO whose query cannot be read, and says so at its head", () => {
    const unreadable = { ...checkoutRequests, name: "latency", query: null };
    const text = ruleFileYaml([checkoutRequests, unreadable], new Date("2026-12-06T12:00:00Z"));
    expect(text).toContain("# Prometheus rules generated by Uptrust for 1 SLO at");
    expect(text).toContain("# Left out:\n#   prod shop/checkout latency: its PromQL SLI is missing or malformed; import its definition again\n");
    expect((parse(text) as { groups: unknown[] }).groups).toEqual(sloRuleGroups(checkoutRequests));
  });

  it("is saved as the SLO's name, or uptrust-slos for every SLO", () => {
    expect(ruleFileName(["shop", "checkout", "requests availability"])).toBe("shop-checkout-requests-availability.rules.yaml");
    expect(ruleFileName([])).toBe("uptrust-slos.rules.yaml");
  });

  it("as a PrometheusRule, carries the same groups and header under a name Kubernetes accepts", () => {
    const at = new Date("2026-12-06T12:00:00Z");
    const text = prometheusRuleYaml([checkoutRequests, availability], at, { name: "uptrust-slos", labels: { release: "prom" } });
    expect(text.split("\n")[0]).toBe(ruleFileYaml([checkoutRequests, availability], at).split("\n")[0]);
    expect(text).toContain("# Apply with `kubectl apply -f FILE`; the labels must match your Prometheus's ruleSelector; regenerate rather than edit.");
    expect(parse(text)).toEqual({
      apiVersion: "monitoring.coreos.com/v1",
      kind: "PrometheusRule",
      metadata: { name: "uptrust-slos", labels: { "app.kubernetes.io/managed-by": "uptrust", release: "prom" } },
      spec: parse(ruleFileYaml([checkoutRequests, availability], at)),
    });
    expect(prometheusRuleName(["Shop", "check_out", "Requests availability"])).toBe("shop-check-out-requests-availability");
    expect(prometheusRuleName(["-", "_"])).toBe("uptrust-slos");
    expect(prometheusRuleName(["a".repeat(300)])).toHaveLength(253);
  });
});
