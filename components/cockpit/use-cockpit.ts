"use client";

import { useQuery } from "@tanstack/react-query";
import type { Cockpit } from "@/lib/views/cockpit.ts";
import { fetchLive } from "../live/fetch-live.ts";

// Server-rendered data seeds the cache; the browser then refreshes every 5 s without a reload.
export function useCockpit(initialData: Cockpit) {
  return useQuery({
    queryKey: ["cockpit"],
    queryFn: () => fetchLive<Cockpit>("/api/cockpit"),
    initialData,
    refetchInterval: 5_000,
  });
}
