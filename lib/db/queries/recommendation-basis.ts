import { z } from "zod";
import { savingsPerReplica } from "@/lib/domain/rightsizing-savings.ts";
import { MIN_HISTORY_MS, MIN_SAMPLES } from "@/lib/domain/usage-history.ts";
import { readEvidence } from "@/lib/views/recommendation-evidence.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";

const MIN_HISTORY_HOURS = MIN_HISTORY_MS / 3_600_000;

// The analyzer owns the basis JSON (KrrBasis in lib/domain/rightsizing.ts, VpaBasis in vpa.ts, each with
// its hpa); read it leniently, field by field, so a new field, or a row an older analyzer wrote, never breaks
// the screen, and a headline reading three of the keys reads them as a whole row does.
const lenient = <T extends z.ZodType>(t: T) => t.nullish().catch(null);
const basisShape = {
    cpuPercentile: lenient(z.number()),
    cpuPercentiles: lenient(z.object({ target: z.number() })),
    sampleCount: lenient(z.number()),
    historyHours: lenient(z.number()),
    oomBump: lenient(z.union([z.boolean(), z.number()])),
    oom: lenient(z.object({ floorBytes: z.number() })),
    enoughHistory: lenient(z.boolean()),
    note: lenient(z.string()),
    reason: lenient(z.string()),
};
const basisSchema = z.object(basisShape).catch({});

// The basis keys a suggestion's row reads (readBasis, readHpa). A list of thousands selects only these: the
// rest of a basis is about a kilobyte of evidence per row that only the suggestion's own page shows.
// Plain identifiers, so a query may name them in its SQL.
export const ROW_BASIS_KEYS: readonly string[] = [...Object.keys(basisShape), "hpa"].filter((k) => /^[A-Za-z]+$/.test(k));

// Enough history to trust a suggestion: the analyzer's own verdict when it gives one, else MIN_SAMPLES samples
// over MIN_HISTORY_HOURS hours; a row without counts predates them and is trusted as it was then. Values of another
// type count as absent, as in readBasis, so a headline may pass the three keys straight from the database.
export function enoughHistoryOf(b: { enoughHistory?: unknown; sampleCount?: unknown; historyHours?: unknown }): boolean {
  if (typeof b.enoughHistory === "boolean") return b.enoughHistory;
  const { sampleCount: samples, historyHours } = b;
  if (typeof samples !== "number" || typeof historyHours !== "number") return true;
  return samples >= MIN_SAMPLES && historyHours >= MIN_HISTORY_HOURS;
}

export function readBasis(raw: unknown) {
  const b = basisSchema.parse(raw ?? {});
  const samples = b.sampleCount ?? null;
  const historyHours = b.historyHours ?? null;
  const enoughHistory = enoughHistoryOf(b);
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
