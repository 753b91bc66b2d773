// Small converters shared by the query functions: Prisma gives Date and BigInt, the API speaks JSON.

export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

// Memory byte counts stay far below 2^53, so Number() is exact for them.
export const num = (v: bigint | number): number => Number(v);
export const numOrNull = (v: bigint | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

export const ACTIVE_STATUSES = ["triage", "investigating", "mitigated"] as const;
export const isActiveStatus = (status: string): boolean => (ACTIVE_STATUSES as readonly string[]).includes(status);

// Seconds from start to resolution, or to the cluster's "now" while still open.
export function durationSeconds(startedAt: Date, resolvedAt: Date | null, asOf: Date): number {
  const end = resolvedAt ?? asOf;
  return Math.max(0, Math.round((end.getTime() - startedAt.getTime()) / 1000));
}
