import type { DefaultSession } from "next-auth";
import type { Role } from "./rules.ts";

// What an Uptrust session carries, for server components and route handlers that call auth().
declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
  }
}

export {};
