import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginCard } from "@/components/auth/login-card.tsx";
import { signInWithOidc } from "@/lib/auth/actions.ts";
import { describeProviderError } from "@/lib/auth/provider-error.ts";
import { oidcSettings } from "@/lib/auth/provider-settings.ts";
import { currentUser } from "@/lib/auth/require-user.ts";
import { describeSignInError, safeCallbackUrl } from "@/lib/auth/rules.ts";
import { describeSignOut } from "@/lib/auth/session-rules.ts";
import { sessionLimits } from "@/lib/auth/session-store.ts";

export const metadata: Metadata = { title: "Sign in · Uptrust" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await currentUser()) redirect(callbackUrl);
  const settings = oidcSettings();
  return (
    <LoginCard
      providerName={settings.displayName}
      development={settings.development}
      error={describeSignInError(first(params.error))}
      providerDetail={describeProviderError(first(params.providerError), first(params.providerDescription))}
      signedOut={describeSignOut(first(params.signedOut), sessionLimits())}
      callbackUrl={callbackUrl}
      action={signInWithOidc}
    />
  );
}
