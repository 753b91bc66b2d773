"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { z } from "zod";

const problem = z.object({ error: z.string() });

export type AdminRequest = { url: string; method: "PATCH" | "POST"; body?: unknown };

// Sends one admin change; the page is server-rendered, so it is re-read afterwards to show the result.
// The server's sentence (why a change was refused) becomes the error the control shows.
export function useAdminRequest() {
  const router = useRouter();
  return useMutation({
    mutationFn: async ({ url, method, body }: AdminRequest) => {
      const res = await fetch(url, {
        method,
        headers: { "content-type": "application/json", accept: "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // A session that ended meanwhile: reloading lets the page's gate send the browser to sign in, saying why.
      if (res.status === 401) window.location.reload();
      if (res.ok) return;
      const answer = problem.safeParse(await res.json().catch(() => null));
      throw new Error(answer.success ? answer.data.error : `the server answered ${res.status}`);
    },
    onSuccess: () => router.refresh(),
  });
}
