import { z } from "zod";
import { safeCallbackUrl, type Role } from "./rules.ts";

// Pure: what the "you need another role" page may say. Its query comes from the gate's redirect, but anyone
// can edit a URL, so the role must be a real one and the way back a page of Uptrust's own.

const role = z.enum(["viewer", "responder", "admin"]);

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function readDeniedQuery(query: Record<string, string | string[] | undefined>): { need: Role | null; from: string | null } {
  const need = role.safeParse(first(query.need));
  const from = safeCallbackUrl(first(query.from), "");
  return { need: need.success ? need.data : null, from: from && !from.startsWith("/denied") ? from : null };
}

/** How a person gets a higher role, as this Uptrust is set up. */
export function howToGetRole(rolesFollowProvider: boolean): string {
  return rolesFollowProvider
    ? "Your identity provider's groups decide roles in Uptrust; ask your administrator to put you in a group that gives this role."
    : "An admin can change it under Admin → Users.";
}
