import NextAuth, { type NextAuthConfig } from "next-auth";
import { baseAuthConfig } from "./config.ts";
import { oidcSettings } from "./provider-settings.ts";
import { recordSignIn } from "./record-sign-in.ts";

// Uptrust's sign-in. The config is built lazily, on the first request, so `next build` works without
// AUTH_SECRET and a missing secret surfaces as one clear message when someone actually visits.
function fullAuthConfig(): NextAuthConfig {
  const base = baseAuthConfig();
  return {
    ...base,
    callbacks: {
      ...base.callbacks,
      signIn({ user }) {
        // Users are keyed by email; without one there is nobody to sign in as.
        return user.email ? true : "/login?error=NoEmail";
      },
      async jwt({ token, user, trigger }) {
        if (trigger !== "signIn" || !user?.email) return token;
        const saved = await recordSignIn({ email: user.email, name: user.name ?? null, issuer: oidcSettings().issuer });
        return { ...token, uid: saved.id, email: saved.email, name: saved.name ?? saved.email, role: saved.role };
      },
    },
  };
}

let config: NextAuthConfig | undefined;

export const { auth, handlers, signIn, signOut } = NextAuth(() => (config ??= fullAuthConfig()));
