"use client";

import { useQuery } from "@tanstack/react-query";
import type { IncidentDetail } from "@/lib/views/incident.ts";
import { fetchLive } from "../live/fetch-live.ts";

export function useIncident(initialData: IncidentDetail) {
  const id = initialData.incident.id;
  return useQuery({
    queryKey: ["incident", id],
    queryFn: () => fetchLive<IncidentDetail>(`/api/incidents/${id}`),
    initialData,
    // Open incidents change by the minute; resolved ones only need an occasional check.
    refetchInterval: (q) => (q.state.data?.incident.active === false ? 60_000 : 5_000),
  });
}
