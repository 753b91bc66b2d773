import { headers } from "next/headers";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { baseAuthConfig } from "./config.ts";
import { describeAuthDebug, describeAuthError } from "./log-auth-error.ts";
import { oidcSettings } from "./provider-settings.ts";
import { recordSignIn } from "./record-sign-in.ts";
import { endSession, startSession } from "./session-store.ts";
import { webMetrics } from "@/lib/metrics/web-metrics.ts";

async function requestMeta(): Promise<{ address: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { address: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip"), userAgent: h.get("user-agent") };
  } catch {
    return { address: null, userAgent: null };
  }
}

// Uptrust's sign-in. The config is built lazily, on the first request, so `next build` works without
// AUTH_SECRET and a missing secret surfaces as one clear message when someone actually visits.
function fullAuthConfig(): NextAuthConfig {
  const base = baseAuthConfig();
  const settings = oidcSettings();
  return {
    ...base,
    logger: {
      error(error) {
        for (const line of describeAuthError(error)) console.error(line);
      },
      // Only the debug report carries a provider's error response; everything else stays quiet.
      debug(message, metadata) {
        for (const line of describeAuthDebug(message, metadata)) console.error(line);
      },
    },
    callbacks: {
      ...base.callbacks,
      async signIn({ user }) {
        // Users are keyed by email; without one there is nobody to sign in as.
        if (!user.email) {
          webMetrics().signIn("refused");
          return "/login?error=NoEmail";
        }
        const outcome = await recordSignIn({
          email: user.email,
          name: user.name ?? null,
          issuer: settings.issuer,
          groups: user.groups ?? [],
          development: settings.development,
        });
        if ("refused" in outcome) {
          console.warn(`[auth] sign-in refused for ${user.email}: ${outcome.refused}`);
          webMetrics().signIn("refused");
          return "/login?error=RoleRefused";
        }
        webMetrics().signIn("accepted");
        return true;
      },
      async jwt(params) {
        const { token, user, account, trigger } = params;
        // Only the proxy refreshes the provider's tokens (lib/auth/config.ts): it can write the new cookie
        // back, where a page or route handler could not and would spend a rotated refresh token twice.
        if (trigger !== "signIn" || !user?.email) return token;
        // The signIn callback above has just recorded the user and their role.
        const { sid, user: saved } = await startSession(user.email, await requestMeta());
        return {
          ...token,
          uid: saved.id,
          email: saved.email,
          name: saved.name,
          role: saved.role,
          sid,
          groups: user.groups ?? [],
          refreshToken: account?.refresh_token,
          accessExpiresAt: account?.expires_at ? account.expires_at * 1000 : undefined,
        };
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (sid) await endSession(sid, "signed-out");
      },
    },
  };
}

let config: NextAuthConfig | undefined;

export const { auth, handlers, signIn, signOut } = NextAuth(() => (config ??= fullAuthConfig()));
