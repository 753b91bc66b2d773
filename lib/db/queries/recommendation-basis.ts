import { z } from "zod";
import { savingsPerReplica } from "@/lib/domain/rightsizing-savings.ts";
import { MIN_HISTORY_MS, MIN_SAMPLES } from "@/lib/domain/usage-history.ts";
import { readEvidence } from "@/lib/views/recommendation-evidence.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";

const MIN_HISTORY_HOURS = MIN_HISTORY_MS / 3_600_000;

// The analyzer owns the basis JSON (KrrBasis in lib/domain/rightsizing.ts, VpaBasis in vpa.ts, each with
// its hpa); read it leniently so a new field, or a row an older analyzer wrote, never breaks the screen.
const basisShape = {
    cpuPercentile: z.number().nullish(),
    cpuPercentiles: z.object({ target: z.number() }).nullish(),
    sampleCount: z.number().nullish(),
    historyHours: z.number().nullish(),
    oomBump: z.union([z.boolean(), z.number()]).nullish(),
    oom: z.object({ floorBytes: z.number() }).nullish(),
    enoughHistory: z.boolean().nullish(),
    note: z.string().nullish(),
    reason: z.string().nullish(),
};
const basisSchema = z.object(basisShape).catch({});

// The basis keys a suggestion's row reads (readBasis, readHpa). A list of thousands selects only these: the
// rest of a basis is about a kilobyte of evidence per row that only the suggestion's own page shows.
// Plain identifiers, so a query may name them in its SQL.
export const ROW_BASIS_KEYS: readonly string[] = [...Object.keys(basisShape), "hpa"].filter((k) => /^[A-Za-z]+$/.test(k));

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
    basis: { percentile: b.cpuPercentile ?? b.cpuPercentiles?.target ?? null, samples, historyHours, oomBump: Boolean(b.oomBump) || Boolean(b.oom) },
    enoughHistory,
    note,
  };
}

export function readHpa(raw: unknown): RecommendationRow["hpa"] {
  // Most workloads have no HPA: no need to read the rest of the evidence to learn that.
  if (typeof raw !== "object" || raw === null || !("hpa" in raw) || raw.hpa == null) return null;
  const { hpa } = readEvidence(raw);
  return hpa ? { name: hpa.name, minReplicas: hpa.minReplicas, maxReplicas: hpa.maxReplicas, cpuTargetUtilization: hpa.cpuTargetUtilization, warning: hpa.warning } : null;
}

export function savingsOf(
  current: { cpuMillis: number | null; memoryRequestBytes: number | null },
  recommended: { cpuMillis: number; memoryRequestBytes: number },
  enoughHistory: boolean,
): RecommendationRow["savings"] {
  if (!enoughHistory) return { cpuCores: null, memoryGiB: null };
  return savingsPerReplica(current, recommended);
}
