"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { IncidentAction } from "@/lib/domain/incident-actions.ts";

const problem = z.object({ error: z.string() });

// Posts one responder action; the server's sentence (what to fix) becomes the error shown by the form.
export function useIncidentAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: IncidentAction) => {
      const res = await fetch(`/api/incidents/${id}/actions`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(action),
      });
      if (res.ok) return;
      const body = problem.safeParse(await res.json().catch(() => null));
      throw new Error(body.success ? body.data.error : `the server answered ${res.status}`);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["incident", id] }),
  });
}
