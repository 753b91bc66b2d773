import { ensureDefaultSlos } from "@/lib/db/analyze/ensure-default-slos.ts";
import type { ClusterRef } from "./types.ts";

// Every Deployment a user runs gets an availability SLO (99.9 % over 30 days) without configuration.
export async function ensureSlos(cluster: ClusterRef): Promise<string> {
  const created = await ensureDefaultSlos(cluster.id);
  return `${created} new SLOs`;
}
