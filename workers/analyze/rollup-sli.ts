import { listSlos, type SloRow } from "@/lib/db/analyze/list-slos.ts";
import { readSliMinutes, type SliMinute } from "@/lib/db/analyze/request-minutes.ts";
import { deleteSliSamplesBefore, readLastSliSampleTimes, upsertSliSamples, type SloSample } from "@/lib/db/analyze/sli-samples.ts";
import { readStatusHistories } from "@/lib/db/analyze/read-status-series.ts";
import { recordSliSourceErrors, type SourceError } from "@/lib/db/analyze/sli-source-errors.ts";
import { availabilityMinutes, floorToMinute, type MinuteSample } from "@/lib/domain/availability-sli.ts";
import { asBudgeted, latencyBound, requestSamples } from "@/lib/domain/request-sli.ts";
import { DAY_MS, MINUTE_MS } from "@/lib/domain/slo.ts";
import { env } from "@/lib/env.ts";
import { prometheusFor } from "@/lib/prometheus/prometheus-for.ts";
import { promqlMinutes } from "./promql-minutes.ts";
import type { ClusterRef } from "./types.ts";

// Facts can land a little after the minute they describe, so the last few minutes are rolled up again
// each cycle (upserts make that free of duplicates).
const REVISIT_MS = 5 * MINUTE_MS;
// SLOs are rolled up together, a few statements for all of them: a steady cycle is one batch. A first
// rollup of a 30-day window is ~43,000 minutes an SLO, so batches are cut to bound memory.
const BATCH_MINUTES = 250_000;
const WRITE_ROWS = 50_000;

type Plan = { slo: SloRow; from: number };
type Problems = { unanswerable: string[]; failed: (SourceError & { label: string })[] };

// Per-minute good/total samples for every SLO, incrementally up to the last complete cluster minute.
export async function rollupSli(cluster: ClusterRef, now: Date): Promise<string> {
  const end = floorToMinute(now.getTime());
  // A PromQL SLO with nowhere to measure it is left as it is: evaluate-slos says so.
  const all = await listSlos(cluster.id);
  const prometheus = prometheusFor(env(), cluster.name);
  const slos = all.filter((slo) => slo.indicator !== "promql" || prometheus);
  const last = await readLastSliSampleTimes(slos.map((slo) => slo.id));
  const windowStart = (slo: SloRow) => end - slo.windowDays * DAY_MS;
  const plans = slos
    .map((slo) => ({ slo, from: last.has(slo.id) ? Math.max(last.get(slo.id)! - REVISIT_MS, windowStart(slo)) : windowStart(slo) }))
    .filter((p) => p.from < end);
  const problems: Problems = { unanswerable: [], failed: [] };
  let written = 0;
  for (const batch of batches(plans, end)) {
    const samples = await batchSamples(batch, end, problems, prometheus?.url ?? null);
    for (let i = 0; i < samples.length; i += WRITE_ROWS) written += await upsertSliSamples(samples.slice(i, i + WRITE_ROWS));
  }
  // Keep one extra day past the window so a window that slides during a cycle still has its data.
  await deleteSliSamplesBefore(slos.map((slo) => ({ sloId: slo.id, before: new Date(windowStart(slo) - DAY_MS) })));
  // Why an SLI is not measured reaches its SLO card, not only this log.
  await recordSliSourceErrors(all.map((slo) => slo.id), problems.failed, now);
  const { unanswerable, failed } = problems;
  const notes = [
    unanswerable.length ? `no latency bucket for ${unanswerable.join(", ")}` : "",
    failed.length ? `not measured: ${failed.map((f) => `${f.label}: ${f.message}`).join("; ")}` : "",
  ].filter(Boolean);
  return `${written} SLI minutes written${notes.length ? `; ${notes.join("; ")}` : ""}`;
}

function* batches(plans: readonly Plan[], end: number): Generator<Plan[]> {
  let batch: Plan[] = [];
  let minutes = 0;
  for (const p of plans) {
    batch.push(p);
    minutes += (end - p.from) / MINUTE_MS;
    if (minutes >= BATCH_MINUTES) {
      yield batch;
      [batch, minutes] = [[], 0];
    }
  }
  if (batch.length) yield batch;
}

// The minutes of a batch of SLOs: facts for all of them read in one statement per kind (replica counts,
// request minutes), PromQL ones asked of Prometheus one by one.
async function batchSamples(batch: readonly Plan[], end: number, problems: Problems, prometheusUrl: string | null): Promise<SloSample[]> {
  const to = new Date(end);
  const availability = batch.filter((p) => p.slo.indicator === "availability");
  const requests = batch.filter((p) => p.slo.indicator === "success" || p.slo.indicator === "latency");
  // A workload's success and latency SLOs read the same minutes.
  const rangeKey = (p: Plan) => `${p.slo.workloadId}|${p.from}`;
  const ranges = [...new Map(requests.map((p) => [rangeKey(p), { workloadId: p.slo.workloadId, from: new Date(p.from), to }])).entries()];
  const [histories, minutes] = await Promise.all([
    readStatusHistories(availability.map((p) => ({ workloadId: p.slo.workloadId, from: new Date(p.from), to }))),
    readSliMinutes(ranges.map(([, r]) => r)),
  ]);
  const minutesOf = new Map(ranges.map(([key], i) => [key, minutes[i]]));
  const out: SloSample[] = [];
  const add = (slo: SloRow, samples: readonly MinuteSample[]) => {
    for (const s of samples) out.push({ sloId: slo.id, ...s });
  };
  availability.forEach((p, i) => add(p.slo, availabilityMinutes(histories[i].series, p.from, end, histories[i].rollingSince ?? undefined)));
  for (const p of requests) {
    const samples = requestMinuteSamples(p.slo, minutesOf.get(rangeKey(p))!);
    if (samples === null) problems.unanswerable.push(`${p.slo.workloadName}/${p.slo.name}`);
    else add(p.slo, samples);
  }
  for (const p of batch.filter((x) => x.slo.indicator === "promql")) {
    try {
      if (!prometheusUrl) continue; // left out above: no Prometheus answers for this cluster
      const samples = await promqlMinutes(prometheusUrl, p.slo.sliQuery, p.from, end);
      add(p.slo, budgeted(p.slo, samples));
    } catch (err) {
      // One SLO's source failing (Prometheus down, a query it refuses) never stops the others.
      problems.failed.push({ sloId: p.slo.id, label: `${p.slo.workloadName}/${p.slo.name}`, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

// A success or latency SLO's minutes; null when its latency threshold is not one of the stored bounds.
function requestMinuteSamples(slo: SloRow, minutes: readonly SliMinute[]): MinuteSample[] | null {
  const indicator = slo.indicator === "latency" ? "latency" : "success";
  const bound = indicator === "latency" ? latencyBound(slo.thresholdMs ?? -1) : null;
  if (indicator === "latency" && bound === null) return null;
  const samples = requestSamples(minutes.map((m) => ({ ...m, withinThreshold: bound === null ? 0 : (m.le[bound - 1] ?? 0) })), indicator);
  return budgeted(slo, samples);
}

const budgeted = (slo: SloRow, samples: readonly MinuteSample[]) => asBudgeted(samples, slo.budgeting, slo.timesliceTarget, slo.target);
