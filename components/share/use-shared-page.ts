"use client";

import { useQuery } from "@tanstack/react-query";
import type { SharedPage } from "@/lib/share/shared-page.ts";
import { getJson } from "../api/api-client.ts";
import { ApiError } from "../api/api-error.ts";
import { queryKeys } from "../api/query-keys.ts";

const REFRESH_MS = 15_000;

/** The link stopped opening anything (revoked or expired): the page says so instead of its incident. */
export class ShareGoneError extends Error {}

async function fetchShared(token: string): Promise<SharedPage> {
  try {
    return await getJson<SharedPage>(`/api/share/${encodeURIComponent(token)}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw new ShareGoneError("gone");
    if (err instanceof ApiError && err.status === 429) throw new Error("too many requests from your address");
    throw err;
  }
}

// The shared page follows the incident every 15 s until the link expires; one last request just after
// expiry turns the page into the "not available" notice, as a reload would.
export function useSharedPage(token: string, initialData: SharedPage) {
  return useQuery({
    queryKey: queryKeys.sharedPage(token),
    queryFn: () => fetchShared(token),
    initialData,
    retry: (count, error) => !(error instanceof ShareGoneError) && count < 2,
    refetchInterval: (q) => {
      if (q.state.error instanceof ShareGoneError) return false;
      const left = Date.parse(q.state.data?.expiresAt ?? initialData.expiresAt) - Date.now();
      return left > -REFRESH_MS ? Math.max(1_000, Math.min(REFRESH_MS, left + 1_000)) : false;
    },
  });
}
