import { refuseRoleChange } from "@/lib/auth/role-change-rules.ts";
import type { Role } from "@/lib/auth/rules.ts";
import { prisma } from "../client.ts";

export type RoleChangeOutcome =
  | { ok: true; changed: boolean; user: { id: string; email: string; role: Role } }
  | { ok: false; status: 404 | 409; error: string };

type Locked = { id: string; email: string; role: Role; role_source: string };

/**
 * An admin sets a person's role. It holds from that person's next request (sessions read the role from
 * the database on every request) and stays until an admin changes it again: the source becomes "admin".
 */
export async function changeUserRole(
  input: { userId: string; to: Role; admin: { id: string; email: string }; mapConfigured: boolean },
  now = new Date(),
): Promise<RoleChangeOutcome> {
  return prisma().$transaction(async (tx) => {
    // The target and every admin are locked in one order, so two admins demoting each other at the same
    // moment are decided one after the other and cannot both leave Uptrust without an admin.
    const rows = await tx.$queryRaw<Locked[]>`
      SELECT id::text AS id, email, role::text AS role, role_source FROM users
       WHERE id = ${input.userId}::uuid OR role = 'admin' ORDER BY id FOR UPDATE`;
    const target = rows.find((r) => r.id === input.userId);
    if (!target) return { ok: false, status: 404, error: `No user has the id ${input.userId}; reload Admin → Users to see who there is.` };
    const refusal = refuseRoleChange({
      target: { id: target.id, email: target.email, role: target.role, roleSource: target.role_source },
      to: input.to,
      actorId: input.admin.id,
      otherAdmins: rows.filter((r) => r.role === "admin" && r.id !== target.id).length,
      mapConfigured: input.mapConfigured,
    });
    if (refusal) return { ok: false, status: 409, error: refusal };
    const user = { id: target.id, email: target.email, role: input.to };
    if (target.role === input.to) return { ok: true, changed: false, user };
    await tx.user.update({ where: { id: target.id }, data: { role: input.to, roleSource: "admin" } });
    await tx.auditLog.create({
      data: {
        userId: input.admin.id,
        action: "role.change",
        target: `user:${target.email}`,
        detail: { from: target.role, to: input.to, by: "admin", admin: input.admin.email },
        at: now,
      },
    });
    return { ok: true, changed: true, user };
  });
}
