// The JSON shapes of the capacity panel and the pool page (dates as ISO strings, bytes as numbers).

import type { CapacityPoint, PoolNode } from "@/lib/domain/capacity-points.ts";

/** One hourly point; `bucket` is the start of the cluster hour it covers. */
export type CapacityPointRow = Omit<CapacityPoint, "pool" | "bucket"> & { bucket: string };

/** The fitted line and its 95 % prediction band at one instant (history and ahead). */
export type CapacityTrendPoint = { t: string; fit: number; low: number; high: number };

export type CapacityFit = { points: number; slopePerDay: number; residualStd: number; t: number; xMean: string; sxx: number };

export type CapacityForecastRow = {
  resource: "cpu" | "memory";
  basis: "requests" | "usage";
  status: "exhausts" | "beyond-horizon" | "exhausted" | "no-forecast";
  points: number;
  historyFrom: string | null;
  historyTo: string | null;
  allocatable: number | null;
  current: number | null;
  fit: CapacityFit | null;
  exhaustsAt: string | null;
  earliestAt: string | null;
  latestAt: string | null;
  explanation: string;
  computedAt: string;
  trend: CapacityTrendPoint[];
};

export type CapacityPool = {
  cluster: string;
  pool: string;
  /** Nodes in the latest hour. */
  nodeCount: number;
  forecasts: CapacityForecastRow[];
  points: CapacityPointRow[];
  /** Hours between the points sent: 1 on the pool page, more on the cockpit's thumbnail (lib/domain/thin-readings.ts). */
  pointEveryHours: number;
};

export type CapacityView = { pools: CapacityPool[]; totalPools: number };

export type CapacityNodeRow = Omit<PoolNode, "pool" | "createdAt" | "deletedAt"> & { createdAt: string | null; deletedAt: string | null };

export type CapacityPoolDetail = { pool: CapacityPool; nodes: CapacityNodeRow[]; computedAt: string | null };
