import { hasRole, type Role } from "./rules.ts";

// Pure: which role a person gets from what their identity provider says about them. Roles follow the
// provider when UPTRUST_ROLE_MAP is set (re-read at every sign-in and token refresh); without a map
// admins manage roles in Uptrust, and UPTRUST_ADMIN_EMAILS names the first admins.

export type RoleMap = { entries: { group: string; role: Role }[]; fallback: Role | null };

export type RoleSource = "mapping" | "admin" | "config" | "default";

const ROLES: readonly Role[] = ["viewer", "responder", "admin"];

/** Parses "sre=admin,oncall=responder,*=viewer"; `*` is the role of anyone in no listed group. */
export function parseRoleMap(raw: string): RoleMap {
  const map: RoleMap = { entries: [], fallback: null };
  for (const part of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
    const at = part.lastIndexOf("=");
    const group = part.slice(0, at).trim();
    const role = part.slice(at + 1).trim() as Role;
    if (at <= 0 || !group) throw new Error(`"${part}" is not group=role (e.g. sre-team=admin)`);
    if (!ROLES.includes(role)) throw new Error(`"${part}": the role must be viewer, responder or admin`);
    if (group === "*") map.fallback = role;
    else map.entries.push({ group, role });
  }
  if (!map.entries.length && !map.fallback) throw new Error("lists no group=role pair");
  return map;
}

// "off" turns the map off on purpose: roles are then managed by admins under Admin → Users, even with the
// development provider, whose users otherwise get their roles from their groups.
export const NO_ROLE_MAP = "off";

/** The map in force: the configured one, "off" for none, or `fallback` (the development map) when unset. */
export function roleMapFrom(raw: string | undefined, fallback?: string): RoleMap | null {
  if (raw?.trim().toLowerCase() === NO_ROLE_MAP) return null;
  const chosen = raw ?? fallback;
  return chosen ? parseRoleMap(chosen) : null;
}

/** A comma-separated list of emails, lower-cased as Uptrust stores them. */
export function parseEmails(raw: string | undefined): string[] {
  return (raw ?? "").split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
}

/**
 * The groups a claim holds. Providers differ: a JSON array (Keycloak, Dex, Okta), a space- or
 * comma-separated string (some LDAP bridges), or nested under a path such as realm_access.roles.
 */
export function groupsFromClaims(claims: Record<string, unknown>, claim: string): string[] {
  let value: unknown = claims[claim];
  if (value === undefined && claim.includes(".")) {
    value = claim.split(".").reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined), claims);
  }
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[\s,]+/) : [];
  return [...new Set(list.filter((g): g is string => typeof g === "string").map((g) => g.trim()).filter(Boolean))].sort();
}

/** The highest role any of the groups maps to; the `*` role when none is listed; null when sign-in must be refused. */
export function roleFromGroups(groups: string[], map: RoleMap): Role | null {
  const have = new Set(groups);
  const matched = map.entries.filter((e) => have.has(e.group)).map((e) => e.role);
  if (!matched.length) return map.fallback;
  return matched.reduce((best, role) => (hasRole(best, role) ? best : role));
}

export type RoleDecision = { role: Role; source: RoleSource } | { refused: string };

/**
 * The role at sign-in or refresh. Named admins are admins first (so a broken map cannot lock everyone
 * out); then the map, when there is one; then whatever an admin set in Uptrust; a newcomer is a viewer.
 */
export function decideRole(input: {
  email: string;
  groups: string[];
  map: RoleMap | null;
  adminEmails: string[];
  stored: { role: Role; source: RoleSource } | null;
}): RoleDecision {
  if (input.adminEmails.includes(input.email.toLowerCase())) return { role: "admin", source: "config" };
  if (input.map) {
    const role = roleFromGroups(input.groups, input.map);
    if (role) return { role, source: "mapping" };
    const groups = input.groups.length ? input.groups.join(", ") : "none";
    return { refused: `none of your groups (${groups}) is given a role in Uptrust; ask your administrator to add one to UPTRUST_ROLE_MAP` };
  }
  if (input.stored && input.stored.source !== "mapping" && input.stored.source !== "config") return input.stored;
  return { role: "viewer", source: "default" };
}
