import { z } from "zod";

// Everything a strategy's basis records, for the detail page that shows where each figure came from.
// Lenient like readBasis: a field an older analyzer did not write is simply absent.

const n = z.number().nullish();
const resources = z.object({ cpuMillis: z.number(), memoryBytes: z.number() }).nullish();
const estimate = z.object({ p50: z.number(), p90: z.number(), p95: z.number() }).nullish();

const evidenceSchema = z
  .object({
    strategy: z.string().nullish(),
    source: z.string().nullish(),
    sampleCount: n,
    bucketCount: n,
    historyFrom: z.string().nullish(),
    historyTo: z.string().nullish(),
    historyHours: n,
    // KRR simple
    percentileMethod: z.string().nullish(),
    cpuPercentile: n,
    cpuPercentileMillis: n,
    memoryMaxBytes: n,
    memoryHeadroom: n,
    oomKilledRecently: z.boolean().nullish(),
    oomBump: z.union([z.number(), z.boolean()]).nullish(),
    floors: z.object({ cpuMillis: z.number(), memoryBytes: z.number() }).nullish(),
    // VPA
    halfLifeHours: n,
    cpuPercentiles: z.object({ target: z.number(), lower: z.number(), upper: z.number() }).nullish(),
    cpuEstimateMillis: estimate,
    memoryPeaks: z.array(z.object({ from: z.string(), to: z.string(), peakBytes: z.number() })).nullish(),
    memoryEstimateBytes: estimate,
    safetyMargin: n,
    historyDays: n,
    upperBoundFactor: n,
    oom: z.object({ usageBytes: z.number(), floorBytes: z.number() }).nullish(),
    target: resources,
    lowerBound: resources,
    upperBound: resources,
    hpa: z
      .object({
        name: z.string(),
        minReplicas: z.number(),
        maxReplicas: z.number(),
        cpuTargetUtilization: z.number().nullable(),
        memoryTargetUtilization: z.number().nullish(),
        currentReplicas: n,
        medianCpuMillis: n,
        utilizationNow: n,
        utilizationAfter: n,
        expectedReplicasAfter: n,
        warning: z.string(),
      })
      .nullish(),
  })
  .catch({});

export type Evidence = z.infer<typeof evidenceSchema>;

export const readEvidence = (raw: unknown): Evidence => evidenceSchema.parse(raw ?? {});
