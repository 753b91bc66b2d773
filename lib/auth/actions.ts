"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "./index.ts";
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

export async function signOutOfUptrust(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
