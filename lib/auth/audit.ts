import { prisma } from "@/lib/db/client.ts";

// One line in the audit log: who did what to which thing. Admins read it under Admin → Audit log.
export async function audit(userId: string | null, action: string, target: string, detail: Record<string, unknown> = {}): Promise<void> {
  await prisma().auditLog.create({ data: { userId, action, target, detail: detail as object } });
}
