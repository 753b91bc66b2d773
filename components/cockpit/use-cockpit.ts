"use client";

import { useQuery } from "@tanstack/react-query";
import { EVERYTHING, scopeSearch } from "@/lib/domain/scope.ts";
import type { Cockpit } from "@/lib/views/cockpit.ts";
import type { Scope } from "@/lib/views/scope.ts";
import { getJson } from "../api/api-client.ts";
import { queryKeys } from "../api/query-keys.ts";

// Server-rendered data seeds the cache; the browser then refreshes every 5 s without a reload.
export function useCockpit(initialData: Cockpit, scope: Scope = EVERYTHING) {
  const search = scopeSearch(scope).toString();
  return useQuery({
    queryKey: queryKeys.cockpit(scope),
    queryFn: () => getJson<Cockpit>(`/api/cockpit${search ? `?${search}` : ""}`, { live: true }),
    initialData,
    refetchInterval: 5_000,
  });
}
