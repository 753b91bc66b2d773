import type { z } from "zod";

// A mapper's answer: the row, or why the object was skipped (counted and logged by the stream, never thrown).
export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string };

export const mapped = <T>(value: T): Mapped<T> => ({ ok: true, value });
export const skipped = <T = never>(reason: string): Mapped<T> => ({ ok: false, reason });

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "object"}: ${i.message}`)
    .join("; ");
}

/** A Kubernetes timestamp as a Date, or undefined when absent or unreadable. */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== "string" || value === "") return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
