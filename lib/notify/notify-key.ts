import { env } from "@/lib/env.ts";
import { secretKey } from "./secret-box.ts";

/** The key channel secrets are sealed with; a clear sentence when AUTH_SECRET is missing. */
export function notifyKey(secret = env().AUTH_SECRET): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is not set: notification channel secrets are encrypted with a key derived from it; set the same AUTH_SECRET for the web app and the analyze worker");
  return secretKey(secret);
}
