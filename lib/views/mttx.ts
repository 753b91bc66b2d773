// MTTD / MTTA / MTTR figures as the cockpit and /mttx show them.

export type MttrPoint = {
  weekStart: string;
  incidents: number;
  meanSeconds: number;
  p50Seconds: number;
  p90Seconds: number;
};

/** One MTTx figure (lib/domain/mttx.ts): metric mttd | mtta | mttr, grouping week | service | severity. */
export type MttxRow = {
  metric: string;
  grouping: string;
  groupKey: string;
  incidents: number;
  meanSeconds: number;
  p50Seconds: number;
  p90Seconds: number;
};
