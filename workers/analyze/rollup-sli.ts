import { deleteSliSamplesBefore, getLastSliSampleTs, upsertSliSamples } from "@/lib/db/analyze/sli-samples.ts";
import { listSlos } from "@/lib/db/analyze/list-slos.ts";
import { getFirstStatusTs, readStatusSeries } from "@/lib/db/analyze/read-status-series.ts";
import { availabilityMinutes, floorToMinute } from "@/lib/domain/availability-sli.ts";
import { DAY_MS, MINUTE_MS } from "@/lib/domain/slo.ts";
import type { ClusterRef } from "./types.ts";

// Status rows can land a little after the minute they describe, so the last few minutes are rolled up
// again each cycle (upserts make that free of duplicates).
const REVISIT_MS = 5 * MINUTE_MS;
const BATCH = 10_000;

// Per-minute availability samples for every SLO, incrementally up to the last complete cluster minute.
export async function rollupSli(cluster: ClusterRef, now: Date): Promise<string> {
  const end = floorToMinute(now.getTime());
  let written = 0;
  for (const slo of await listSlos(cluster.id)) {
    const windowStart = end - slo.windowDays * DAY_MS;
    const last = await getLastSliSampleTs(slo.id);
    let from: number;
    if (last) {
      from = Math.max(last.getTime() - REVISIT_MS, windowStart);
    } else {
      const first = await getFirstStatusTs(slo.workloadId);
      if (!first) continue;
      from = Math.max(windowStart, floorToMinute(first.getTime()));
    }
    if (from >= end) continue;
    const series = await readStatusSeries(slo.workloadId, new Date(from), new Date(end));
    const samples = availabilityMinutes(series, from, end);
    for (let i = 0; i < samples.length; i += BATCH) written += await upsertSliSamples(slo.id, samples.slice(i, i + BATCH));
    // Keep one extra day past the window so a window that slides during a cycle still has its data.
    await deleteSliSamplesBefore(slo.id, new Date(windowStart - DAY_MS));
  }
  return `${written} SLI minutes written`;
}
