import type { RoleSource } from "./roles-from-claims.ts";
import type { Role } from "./rules.ts";

// Pure: whether an admin may change a person's role under Admin → Users, and why not.

/**
 * Why a role cannot be changed in Uptrust, or null when an admin may change it. A role the configuration
 * names would come back at the next sign-in, so changing it here would only mislead: named admins stay admins,
 * and with a role map every sign-in and token refresh re-reads the provider's groups.
 */
export function roleReadOnlyReason(source: RoleSource | string, mapConfigured: boolean): string | null {
  if (source === "config") return "named in UPTRUST_ADMIN_EMAILS";
  if (mapConfigured) return "set by your provider's groups (UPTRUST_ROLE_MAP)";
  return null;
}

export type RoleChange = {
  target: { id: string; email: string; role: Role; roleSource: RoleSource | string };
  to: Role;
  actorId: string;
  // Admins other than the target, counted while their rows are locked.
  otherAdmins: number;
  mapConfigured: boolean;
};

/**
 * The sentence refusing a role change, or null when it may go ahead. Uptrust must always keep one admin:
 * without one, nobody could change a role or end a session again short of editing the database.
 */
export function refuseRoleChange(change: RoleChange): string | null {
  const { target, to } = change;
  const readOnly = roleReadOnlyReason(target.roleSource, change.mapConfigured);
  if (readOnly) return `${target.email}'s role cannot be changed here: it is ${readOnly}.`;
  if (target.role === "admin" && to !== "admin" && change.otherAdmins === 0) {
    return target.id === change.actorId
      ? "You are the last admin: make someone else admin first, then change your own role."
      : `${target.email} is the last admin: make someone else admin first.`;
  }
  return null;
}
