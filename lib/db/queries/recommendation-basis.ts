import { z } from "zod";
import type { RecommendationRow } from "./types.ts";

// KRR's "simple" strategy refuses to answer below 100 samples or 3 hours of history.
const MIN_SAMPLES = 100;
const MIN_HISTORY_HOURS = 3;
const GIB = 1024 ** 3;

// The analyzer owns the basis JSON (RightsizingBasis in lib/domain/rightsizing.ts); read it leniently so
// a new field never breaks the screen.
const basisSchema = z
  .object({
    cpuPercentile: z.number().nullish(),
    sampleCount: z.number().nullish(),
    historyHours: z.number().nullish(),
    oomBump: z.union([z.boolean(), z.number()]).nullish(),
    enoughHistory: z.boolean().nullish(),
    note: z.string().nullish(),
    reason: z.string().nullish(),
  })
  .catch({});

export function readBasis(raw: unknown) {
  const b = basisSchema.parse(raw ?? {});
  const samples = b.sampleCount ?? null;
  const historyHours = b.historyHours ?? null;
  const measured = samples !== null && historyHours !== null;
  const enoughHistory =
    b.enoughHistory ?? (measured ? samples >= MIN_SAMPLES && historyHours >= MIN_HISTORY_HOURS : true);
  const note =
    b.note ?? b.reason ??
    (enoughHistory ? null : `Not enough history yet: Uptrust suggests a size after ${MIN_SAMPLES} samples over ${MIN_HISTORY_HOURS} hours.`);
  return {
    basis: { percentile: b.cpuPercentile ?? null, samples, historyHours, oomBump: Boolean(b.oomBump) },
    enoughHistory,
    note,
  };
}

export function savingsOf(
  current: { cpuMillis: number | null; memoryRequestBytes: number | null },
  recommended: { cpuMillis: number; memoryRequestBytes: number },
  enoughHistory: boolean,
): RecommendationRow["savings"] {
  if (!enoughHistory) return { cpuCores: null, memoryGiB: null };
  return {
    cpuCores: current.cpuMillis === null ? null : (current.cpuMillis - recommended.cpuMillis) / 1000,
    memoryGiB: current.memoryRequestBytes === null ? null : (current.memoryRequestBytes - recommended.memoryRequestBytes) / GIB,
  };
}
