"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ShareRedaction } from "@/lib/domain/share-redaction.ts";
import type { ShareLinkItem, ShareLinkRequest } from "@/lib/domain/share-links.ts";
import { getJson, sendJson } from "../api/api-client.ts";
import { queryKeys } from "../api/query-keys.ts";

export type CreatedLink = { id: string; url: string; path: string; token: string; expiresAt: string };

/** The incident's links; opens and states change as people use them, so the list refreshes itself. */
export function useShareLinks(incidentId: string) {
  return useQuery({
    queryKey: queryKeys.shareLinks(incidentId),
    queryFn: () => getJson<ShareLinkItem[]>(`/api/incidents/${incidentId}/share-links`, { live: true }),
    refetchInterval: 15_000,
  });
}

export function useSharePreview(incidentId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.sharePreview(incidentId),
    queryFn: () => getJson<ShareRedaction>(`/api/incidents/${incidentId}/share-links/preview?view=external`, { live: true }),
    enabled,
    // An open incident keeps gathering facts (new pods, log excerpts): the preview follows what a link would show.
    refetchInterval: 15_000,
  });
}

export function useCreateShareLink(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ShareLinkRequest) => sendJson<CreatedLink>("POST", `/api/incidents/${incidentId}/share-links`, request),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.shareLinks(incidentId) }),
  });
}

export function useRevokeShareLink(onRevoked?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => sendJson<{ ok: true }>("POST", `/api/share-links/${linkId}/revoke`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.shareLinks() });
      onRevoked?.();
    },
  });
}
