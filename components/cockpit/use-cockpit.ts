"use client";

import { useQuery } from "@tanstack/react-query";
import type { Cockpit } from "@/lib/db/queries/types.ts";

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  // A lapsed session gets redirected to /login (HTML), which must not be mistaken for data.
  const type = res.headers.get("content-type") ?? "";
  if (!res.ok || !type.includes("application/json")) {
    throw new Error(res.redirected || res.status === 401 ? "your session ended; sign in again" : `the server answered ${res.status}`);
  }
  return (await res.json()) as T;
}

// Server-rendered data seeds the cache; the browser then refreshes every 5 s without a reload.
export function useCockpit(initialData: Cockpit) {
  return useQuery({
    queryKey: ["cockpit"],
    queryFn: () => fetchJson<Cockpit>("/api/cockpit"),
    initialData,
    refetchInterval: 5_000,
  });
}
