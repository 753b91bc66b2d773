import { prisma } from "@/lib/db/client.ts";
import { env } from "@/lib/env.ts";
import { oidcSettings } from "./provider-settings.ts";
import { decideRole, parseEmails, roleMapFrom, type RoleMap, type RoleSource } from "./roles-from-claims.ts";
import type { Role } from "./rules.ts";

export type SignedInUser = { id: string; email: string; name: string | null; role: Role };

export type SignInOutcome = { user: SignedInUser } | { refused: string };

// The map the environment names; in development the local provider's groups map to the three roles so
// each can be tried (its login page lists the users), unless UPTRUST_ROLE_MAP=off leaves roles to admins.
export const DEV_ROLE_MAP = "uptrust-admins=admin,uptrust-responders=responder,uptrust-viewers=viewer";

export function configuredRoleMap(development: boolean): RoleMap | null {
  return roleMapFrom(env().UPTRUST_ROLE_MAP, development ? DEV_ROLE_MAP : undefined);
}

/**
 * Records a sign-in (or a token refresh, which re-reads the provider's groups): the role the
 * configuration gives, the groups, the last sign-in time, and an audit line for any change of role.
 */
export async function recordSignIn(input: {
  email: string;
  name: string | null;
  issuer: string;
  groups: string[];
  development: boolean;
  refresh?: boolean;
}): Promise<SignInOutcome> {
  const map = configuredRoleMap(input.development);
  const adminEmails = parseEmails(env().UPTRUST_ADMIN_EMAILS);
  return prisma().$transaction(async (tx) => {
    const now = new Date();
    const existing = await tx.user.findUnique({ where: { email: input.email } });
    const stored = existing ? { role: existing.role, source: existing.roleSource as RoleSource } : null;
    const decision = decideRole({ email: input.email, groups: input.groups, map, adminEmails, stored });
    const action = input.refresh ? "refresh" : "sign-in";
    if ("refused" in decision) {
      await tx.auditLog.create({
        data: { userId: existing?.id ?? null, action: `${action}.refused`, target: `user:${input.email}`, detail: { issuer: input.issuer, groups: input.groups, reason: decision.refused } },
      });
      return decision;
    }
    const fields = { role: decision.role, roleSource: decision.source, groups: input.groups, ...(input.name ? { name: input.name } : {}) };
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { ...fields, ...(input.refresh ? {} : { lastLoginAt: now }) } })
      : await tx.user.create({ data: { email: input.email, ...fields, lastLoginAt: now } });
    if (!input.refresh) {
      await tx.auditLog.create({
        data: { userId: user.id, action: "sign-in", target: `user:${user.email}`, detail: { issuer: input.issuer, role: user.role, roleSource: decision.source, groups: input.groups }, at: now },
      });
    }
    if (existing && existing.role !== user.role) {
      await tx.auditLog.create({
        data: { userId: user.id, action: "role.change", target: `user:${user.email}`, detail: { from: existing.role, to: user.role, by: decision.source, groups: input.groups }, at: now },
      });
    }
    return { user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  });
}

/** Whether the provider's groups decide roles here (otherwise admins do, under Admin → Users). */
export function rolesFollowProvider(): boolean {
  return configuredRoleMap(oidcSettings().development) !== null;
}
