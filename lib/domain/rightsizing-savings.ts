import { GIB } from "./rightsizing.ts";
import { round3 } from "./usage-history.ts";

// Savings are what the suggested requests give back: positive frees capacity, negative means the
// container needs more than it asks for. Requests are what the scheduler reserves and what a cluster
// is sized (and billed) by, so savings count requests, not limits.

/** 365 × 24 ÷ 12: the average month cloud price lists use. */
export const HOURS_PER_MONTH = 730;

export type Prices = { cpuCoreHour: number; memoryGibHour: number; currency: string };
export type Savings = { cpuCores: number | null; memoryGiB: number | null };
export type MonthlyValue = { cpu: number | null; memory: number | null; total: number | null };

type Requests = { cpuMillis: number | null; memoryRequestBytes: number | null };

export function savingsPerReplica(current: Requests, recommended: { cpuMillis: number; memoryRequestBytes: number }): Savings {
  return {
    cpuCores: current.cpuMillis === null ? null : round3((current.cpuMillis - recommended.cpuMillis) / 1000),
    memoryGiB: current.memoryRequestBytes === null ? null : round3((current.memoryRequestBytes - recommended.memoryRequestBytes) / GIB),
  };
}

export function timesReplicas(perReplica: Savings, replicas: number): Savings {
  const n = Math.max(1, replicas);
  return {
    cpuCores: perReplica.cpuCores === null ? null : round3(perReplica.cpuCores * n),
    memoryGiB: perReplica.memoryGiB === null ? null : round3(perReplica.memoryGiB * n),
  };
}

// Money a month = cores × price per core-hour × 730 h (+ GiB × price per GiB-hour × 730 h).
export function monthlyValue(savings: Savings, prices: Prices): MonthlyValue {
  const cpu = savings.cpuCores === null ? null : round2(savings.cpuCores * prices.cpuCoreHour * HOURS_PER_MONTH);
  const memory = savings.memoryGiB === null ? null : round2(savings.memoryGiB * prices.memoryGibHour * HOURS_PER_MONTH);
  const total = cpu === null && memory === null ? null : round2((cpu ?? 0) + (memory ?? 0));
  return { cpu, memory, total };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
