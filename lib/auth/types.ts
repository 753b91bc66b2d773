import type { DefaultSession } from "next-auth";
import type { Role } from "./rules.ts";
import type { EndReason } from "./session-rules.ts";

// What an Uptrust session carries. The role here is only what it was at sign-in: lib/auth/require-user.ts
// reads the live role from the database on every request.
declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role } & DefaultSession["user"];
    /** The server-side session row (lib/auth/session-store.ts). */
    sid?: string;
    /** Set when the provider refused a token refresh: the next request ends the session with this reason. */
    ended?: EndReason;
    /** The provider's groups at the last sign-in or refresh. */
    groups?: string[];
  }
  interface User {
    groups?: string[];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sid?: string;
    ended?: EndReason;
    groups?: string[];
    refreshToken?: string;
    accessExpiresAt?: number;
  }
}

export {};
