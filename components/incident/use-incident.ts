"use client";

import { useQuery } from "@tanstack/react-query";
import type { IncidentDetail } from "@/lib/views/incident.ts";
import { getJson } from "../api/api-client.ts";
import { queryKeys } from "../api/query-keys.ts";

export function useIncident(initialData: IncidentDetail) {
  const id = initialData.incident.id;
  return useQuery({
    queryKey: queryKeys.incident(id),
    queryFn: () => getJson<IncidentDetail>(`/api/incidents/${id}`, { live: true }),
    initialData,
    // Open incidents change by the minute; resolved ones only need an occasional check.
    refetchInterval: (q) => (q.state.data?.incident.active === false ? 60_000 : 5_000),
  });
}
