import { listSlos, type SloRow } from "@/lib/db/analyze/list-slos.ts";
import { readSliMinutes } from "@/lib/db/analyze/request-minutes.ts";
import { deleteSliSamplesBefore, getLastSliSampleTs, upsertSliSamples } from "@/lib/db/analyze/sli-samples.ts";
import { getFirstStatusTs, getRolloutStart, readStatusSeries } from "@/lib/db/analyze/read-status-series.ts";
import { availabilityMinutes, floorToMinute, type MinuteSample } from "@/lib/domain/availability-sli.ts";
import { asTimeslices, latencyBound, requestSamples } from "@/lib/domain/request-sli.ts";
import { DAY_MS, MINUTE_MS } from "@/lib/domain/slo.ts";
import { env } from "@/lib/env.ts";
import { promqlMinutes } from "./promql-minutes.ts";
import type { ClusterRef } from "./types.ts";

// Facts can land a little after the minute they describe, so the last few minutes are rolled up again
// each cycle (upserts make that free of duplicates).
const REVISIT_MS = 5 * MINUTE_MS;
const BATCH = 10_000;

// Per-minute good/total samples for every SLO, incrementally up to the last complete cluster minute.
export async function rollupSli(cluster: ClusterRef, now: Date): Promise<string> {
  const end = floorToMinute(now.getTime());
  let written = 0;
  const unanswerable: string[] = [];
  const failed: string[] = [];
  for (const slo of await listSlos(cluster.id)) {
    if (slo.indicator === "promql" && !prometheusUrl()) continue; // nowhere to measure it: evaluate-slos says so
    const windowStart = end - slo.windowDays * DAY_MS;
    const last = await getLastSliSampleTs(slo.id);
    const from = last ? Math.max(last.getTime() - REVISIT_MS, windowStart) : await firstMinute(slo, windowStart);
    if (from === null || from >= end) continue;
    let samples: MinuteSample[] | null;
    try {
      samples = await minuteSamples(slo, from, end);
    } catch (err) {
      // One SLO's source failing (Prometheus down, a query it refuses) never stops the others.
      failed.push(`${slo.workloadName}/${slo.name}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (samples === null) {
      unanswerable.push(`${slo.workloadName}/${slo.name}`);
      continue;
    }
    for (let i = 0; i < samples.length; i += BATCH) written += await upsertSliSamples(slo.id, samples.slice(i, i + BATCH));
    // Keep one extra day past the window so a window that slides during a cycle still has its data.
    await deleteSliSamplesBefore(slo.id, new Date(windowStart - DAY_MS));
  }
  const notes = [unanswerable.length ? `no latency bucket for ${unanswerable.join(", ")}` : "", failed.length ? `not measured: ${failed.join("; ")}` : ""].filter(Boolean);
  return `${written} SLI minutes written${notes.length ? `; ${notes.join("; ")}` : ""}`;
}

const prometheusUrl = () => env().UPTRUST_PROMETHEUS_URL;

async function firstMinute(slo: SloRow, windowStart: number): Promise<number | null> {
  if (slo.indicator !== "availability") return windowStart;
  const first = await getFirstStatusTs(slo.workloadId);
  return first ? Math.max(windowStart, floorToMinute(first.getTime())) : null;
}

async function minuteSamples(slo: SloRow, from: number, end: number): Promise<MinuteSample[] | null> {
  if (slo.indicator === "promql") {
    const samples = await promqlMinutes(prometheusUrl()!, slo.sliQuery, from, end);
    return slo.budgeting === "timeslices" && slo.timesliceTarget !== null ? asTimeslices(samples, slo.timesliceTarget) : samples;
  }
  if (slo.indicator === "availability") {
    const [series, rolloutStart] = await Promise.all([readStatusSeries(slo.workloadId, new Date(from), new Date(end)), getRolloutStart(slo.workloadId, new Date(from))]);
    return availabilityMinutes(series, from, end, rolloutStart?.getTime());
  }
  const indicator = slo.indicator === "latency" ? "latency" : "success";
  const bound = indicator === "latency" ? latencyBound(slo.thresholdMs ?? -1) : null;
  if (indicator === "latency" && bound === null) return null;
  const samples = requestSamples(await readSliMinutes(slo.workloadId, new Date(from), new Date(end), bound), indicator);
  return slo.budgeting === "timeslices" ? asTimeslices(samples, slo.timesliceTarget ?? slo.target) : samples;
}
