import { listStoredSuggestions, setRecommendationHold } from "@/lib/db/analyze/recommendation-holds.ts";
import { readSloBurns } from "@/lib/db/analyze/read-slo-burns.ts";
import { directionsOf, downsizingHold } from "@/lib/domain/rightsizing-hold.ts";

// Re-decides every stored suggestion's hold from the SLOs' latest burn rates; returns how many changed.
export async function refreshHolds(clusterId: string): Promise<number> {
  const [stored, burns] = await Promise.all([listStoredSuggestions(clusterId), readSloBurns(clusterId)]);
  let changed = 0;
  for (const s of stored) {
    const reason = downsizingHold(directionsOf(s.current, s.suggested), burns.get(s.workloadId) ?? []);
    if (reason === s.heldReason) continue;
    await setRecommendationHold(s.id, reason);
    changed++;
  }
  return changed;
}
