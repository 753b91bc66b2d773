import { listStoredSuggestions, setRecommendationHolds } from "@/lib/db/analyze/recommendation-holds.ts";
import { readSloBurns } from "@/lib/db/analyze/read-slo-burns.ts";
import { directionsOf, downsizingHold } from "@/lib/domain/rightsizing-hold.ts";

// Re-decides every stored suggestion's hold from the SLOs' latest burn rates; returns how many changed.
export async function refreshHolds(clusterId: string): Promise<number> {
  const [stored, burns] = await Promise.all([listStoredSuggestions(clusterId), readSloBurns(clusterId)]);
  const changed = stored
    .map((s) => ({ id: s.id, was: s.heldReason, heldReason: downsizingHold(directionsOf(s.current, s.suggested), burns.get(s.workloadId) ?? []) }))
    .filter((s) => s.heldReason !== s.was);
  await setRecommendationHolds(changed);
  return changed.length;
}
