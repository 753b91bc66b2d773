import { z } from "zod";
import type { ProbableCauseItem } from "@/lib/views/incident.ts";

const stored = z.array(
  z.object({
    kind: z.string(),
    title: z.string(),
    score: z.number(),
    evidence: z.array(z.object({ source: z.string(), ts: z.number().nullable(), text: z.string() })),
  }),
);

// The analyzer's causes as the page shows them (times as ISO strings). A row written by an older
// analyzer in another shape shows no causes rather than breaking the incident page.
export function toCauseItems(value: unknown): ProbableCauseItem[] {
  const parsed = stored.safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.map((c) => ({ ...c, evidence: c.evidence.map((e) => ({ ...e, ts: e.ts === null ? null : new Date(e.ts).toISOString() })) }));
}

/** The most likely cause's title (the analyzer stores causes most likely first), as lists and headlines name it. */
export const likelyCauseOf = (value: unknown): string | null => toCauseItems(value)[0]?.title ?? null;
