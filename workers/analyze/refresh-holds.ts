import { listStoredSuggestions, setRecommendationHolds } from "@/lib/db/analyze/recommendation-holds.ts";
import { directionsOf, downsizingHold, type SloBurn } from "@/lib/domain/rightsizing-hold.ts";

// Re-decides every stored suggestion's hold from the SLOs' latest burn rates (by workload id); returns
// how many changed.
export async function refreshHolds(clusterId: string, burns: ReadonlyMap<string, SloBurn[]>): Promise<number> {
  const stored = await listStoredSuggestions(clusterId);
  const changed = stored
    .map((s) => ({ id: s.id, was: s.heldReason, heldReason: downsizingHold(directionsOf(s.current, s.suggested), burns.get(s.workloadId) ?? []) }))
    .filter((s) => s.heldReason !== s.was);
  await setRecommendationHolds(changed);
  return changed.length;
}
