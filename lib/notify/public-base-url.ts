import type { Env } from "@/lib/env.ts";

/** Where people open Uptrust, for links that leave it (notifications, share links): the public URL, else Auth.js's. */
export function publicBaseUrl(env: Pick<Env, "UPTRUST_PUBLIC_URL" | "AUTH_URL" | "NEXTAUTH_URL" | "PORT">): string {
  const url = env.UPTRUST_PUBLIC_URL ?? env.AUTH_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  return url.replace(/\/+$/, "").replace(/\/api\/auth$/, "");
}
