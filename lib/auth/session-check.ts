import NextAuth, { type NextAuthConfig } from "next-auth";
import { baseAuthConfig } from "./config.ts";

// Reads the session cookie without touching the database, for the proxy in front of every request.
let config: NextAuthConfig | undefined;

export const { auth: sessionCheck } = NextAuth(() => (config ??= baseAuthConfig()));
