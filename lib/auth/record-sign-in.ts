import { prisma } from "@/lib/db/client.ts";
import { roleForNewUser, type Role } from "./rules.ts";

export type SignedInUser = { id: string; email: string; name: string | null; role: Role };

// Two people opening a fresh Uptrust at the same moment must not both become admin: the lock makes
// "count users, then insert" one step. It is transaction-scoped, so it frees itself.
export async function recordSignIn(input: { email: string; name: string | null; issuer: string }): Promise<SignedInUser> {
  return prisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('uptrust:first-user'))`;
    const now = new Date();
    const existing = await tx.user.findUnique({ where: { email: input.email } });
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { lastLoginAt: now, ...(input.name ? { name: input.name } : {}) },
        })
      : await tx.user.create({
          data: { email: input.email, name: input.name, role: roleForNewUser(await tx.user.count()), lastLoginAt: now },
        });
    await tx.auditLog.create({
      data: { userId: user.id, action: "sign-in", target: `user:${user.email}`, detail: { issuer: input.issuer }, at: now },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  });
}
