"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { ShareRedaction } from "@/lib/domain/share-redaction.ts";
import type { ShareLinkItem, ShareLinkRequest } from "@/lib/domain/share-links.ts";
import { fetchLive } from "../live/fetch-live.ts";

export type CreatedLink = { id: string; url: string; path: string; token: string; expiresAt: string };

const problem = z.object({ error: z.string() });

// The server's sentence (what to fix) becomes the error the panel shows.
async function post<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return json as T;
  const parsed = problem.safeParse(json);
  throw new Error(parsed.success ? parsed.data.error : `the server answered ${res.status}`);
}

const linksKey = (incidentId: string) => ["share-links", incidentId];

/** The incident's links; opens and states change as people use them, so the list refreshes itself. */
export function useShareLinks(incidentId: string) {
  return useQuery({
    queryKey: linksKey(incidentId),
    queryFn: () => fetchLive<ShareLinkItem[]>(`/api/incidents/${incidentId}/share-links`),
    refetchInterval: 15_000,
  });
}

export function useSharePreview(incidentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["share-preview", incidentId],
    queryFn: () => fetchLive<ShareRedaction>(`/api/incidents/${incidentId}/share-links/preview?view=external`),
    enabled,
    staleTime: 30_000,
  });
}

export function useCreateShareLink(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ShareLinkRequest) => post<CreatedLink>(`/api/incidents/${incidentId}/share-links`, request),
    onSuccess: () => client.invalidateQueries({ queryKey: linksKey(incidentId) }),
  });
}

export function useRevokeShareLink(onRevoked?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => post<{ ok: true }>(`/api/share-links/${linkId}/revoke`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["share-links"] });
      onRevoked?.();
    },
  });
}
