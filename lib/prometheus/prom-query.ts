import { z } from "zod";
import type { PromQuery } from "@/lib/domain/promql-sli.ts";

const query = z.string().min(1);
const schema = z.union([
  z.object({ kind: z.literal("ratio"), good: query.optional(), bad: query.optional(), total: query }),
  z.object({ kind: z.literal("threshold"), query, op: z.enum(["lt", "lte", "gt", "gte"]), value: z.number() }),
  z.object({ kind: z.literal("raw"), query, ratio: z.enum(["error", "good"]) }),
]);

// An SLO row's stored PromQL SLI, or null when it holds none Uptrust can ask for.
export function parsePromQuery(value: unknown): PromQuery | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
