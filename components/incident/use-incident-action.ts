"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { IncidentAction } from "@/lib/domain/incident-actions.ts";
import { sendJson } from "../api/api-client.ts";
import { queryKeys } from "../api/query-keys.ts";

// Posts one responder action; the server's sentence (what to fix) becomes the error shown by the form.
export function useIncidentAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: IncidentAction) => sendJson<unknown>("POST", `/api/incidents/${id}/actions`, action),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.incident(id) }),
  });
}
