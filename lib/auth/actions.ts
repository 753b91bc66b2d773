"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "./index.ts";
import { POST_LOGOUT_PATH, providerLogoutUrl } from "./provider-logout.ts";
import { oidcSettings } from "./provider-settings.ts";
import { safeCallbackUrl } from "./rules.ts";

const signInForm = z.object({ callbackUrl: z.string().max(2048).optional() });

export async function signInWithOidc(form: FormData): Promise<void> {
  const parsed = signInForm.safeParse({ callbackUrl: form.get("callbackUrl") ?? undefined });
  const callbackUrl = safeCallbackUrl(parsed.success ? parsed.data.callbackUrl : undefined);
  try {
    await signIn("oidc", { redirectTo: callbackUrl });
  } catch (error) {
    // signIn() leaves by throwing Next's redirect; only Auth.js failures (IdP unreachable...) stay here.
    if (error instanceof AuthError) {
      redirect(`/login?${new URLSearchParams({ error: error.type, callbackUrl })}`);
    }
    throw error;
  }
}

// Ends the server-side session (lib/auth/index.ts events.signOut), clears the cookie, then signs out at
// the provider when it offers an end_session_endpoint, which sends the browser back to the login page.
export async function signOutOfUptrust(): Promise<void> {
  await signOut({ redirect: false });
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") ?? "http";
  const atProvider = host ? await providerLogoutUrl(oidcSettings(), `${proto}://${host}`) : null;
  redirect(atProvider ?? POST_LOGOUT_PATH);
}
