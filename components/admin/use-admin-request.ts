"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { sendJson } from "../api/api-client.ts";

export type AdminRequest = { url: string; method: "PATCH" | "POST" | "DELETE"; body?: unknown };

// Sends one admin change; the page is server-rendered, so it is re-read afterwards to show the result.
// The server's sentence (why a change was refused) becomes the error the control shows.
export function useAdminRequest() {
  const router = useRouter();
  return useMutation({
    mutationFn: ({ url, method, body }: AdminRequest) => sendJson<unknown>(method, url, body),
    onSuccess: () => router.refresh(),
  });
}
