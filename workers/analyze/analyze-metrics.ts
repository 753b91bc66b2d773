import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { registerSloWindowGauges } from "./slo-window-metrics.ts";
import type { JobOutcome } from "./types.ts";

// What the analyze worker tells the team's Prometheus about itself: how long each job takes per cluster, which
// fail, and how long a whole cycle takes; with the process's own CPU, memory and event-loop figures; and the window
// figures of the SLOs Uptrust measures itself, which the exported SLO rules read (slo-window-metrics.ts). The job is
// `analysis_job`: Prometheus gives every scraped series a `job` of its own (the scrape job's name).
export function analyzeMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "uptrust_analyze_" });
  const jobSeconds = new Histogram({
    name: "uptrust_analysis_job_duration_seconds",
    help: "How long one analysis job took for one cluster, by job and outcome.",
    labelNames: ["analysis_job", "cluster", "outcome"] as const,
    // Jobs take from milliseconds (a quiet cluster) to minutes (a first pass over 30 days at 10,000 pods).
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180],
    registers: [registry],
  });
  const failures = new Counter({
    name: "uptrust_analysis_job_failures_total",
    help: "Analysis jobs that failed, by job and cluster (the other jobs carry on).",
    labelNames: ["analysis_job", "cluster"] as const,
    registers: [registry],
  });
  const cycleSeconds = new Histogram({
    name: "uptrust_analysis_cycle_duration_seconds",
    help: "How long one pass of every job over every cluster took.",
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 180, 600],
    registers: [registry],
  });
  const cycleFailures = new Counter({
    name: "uptrust_analysis_cycle_failures_total",
    help: "Cycles that could not start (the cluster list could not be read, e.g. the database was down).",
    registers: [registry],
  });
  registerSloWindowGauges(registry);
  const deliveries = new Counter({
    name: "uptrust_notification_deliveries_total",
    help: "Notification delivery attempts by channel type and outcome (delivered, retry, dead, deferred by the rate limit).",
    labelNames: ["channel_type", "outcome"] as const,
    registers: [registry],
  });
  const deliveryFailures = new Counter({
    name: "uptrust_notification_failures_total",
    help: "Notification attempts a receiver refused or never answered, by channel type (retried or dead-lettered).",
    labelNames: ["channel_type"] as const,
    registers: [registry],
  });
  const deadLetters = new Gauge({
    name: "uptrust_notification_dead_letters",
    help: "Notifications that ran out of attempts and wait for an admin (Admin → Notifications).",
    registers: [registry],
  });
  return {
    registry,
    recordDelivery(channelType: string, outcome: string) {
      deliveries.inc({ channel_type: channelType, outcome });
      if (outcome === "retry" || outcome === "dead") deliveryFailures.inc({ channel_type: channelType });
    },
    setDeadLetters(n: number) {
      deadLetters.set(n);
    },
    /** One cycle's outcomes and its length. */
    recordCycle(outcomes: readonly JobOutcome[], ms: number) {
      for (const o of outcomes) {
        jobSeconds.observe({ analysis_job: o.job, cluster: o.cluster, outcome: o.ok ? "ok" : "failed" }, o.ms / 1000);
        if (!o.ok) failures.inc({ analysis_job: o.job, cluster: o.cluster });
      }
      cycleSeconds.observe(ms / 1000);
    },
    recordCycleFailure() {
      cycleFailures.inc();
    },
  };
}
