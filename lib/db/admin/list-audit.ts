import type { AuditEntry } from "@/lib/auth/admin-views.ts";
import { AUDIT_PAGE_SIZE, auditCursor, type AuditFilter } from "@/lib/domain/audit-filter.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { prisma } from "../client.ts";

export type AuditPage = { entries: AuditEntry[]; older: string | null };

// Prisma passes startsWith/contains to LIKE as they are, so "_" and "%" in an email would match any character.
const literal = (text: string) => text.replace(/[\\%_]/g, "\\$&");

function where(f: AuditFilter): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (f.action) and.push({ action: { startsWith: literal(f.action) } });
  if (f.user) {
    // A person's part in the log: what they did, and what was done to their account (revocations, role changes).
    const part = { contains: literal(f.user), mode: "insensitive" as const };
    and.push({ OR: [{ user: { email: part } }, { AND: [{ target: { startsWith: "user:" } }, { target: part }] }] });
  }
  if (f.from) and.push({ at: { gte: f.from } });
  if (f.to) and.push({ at: { lt: f.to } });
  if (f.before) {
    const at = new Date(f.before.at);
    and.push({ OR: [{ at: { lt: at } }, { at, id: { lt: f.before.id } }] });
  }
  return { AND: and };
}

/** One page of the audit log, newest first, and the position of the next (older) page if there is one. */
export async function listAudit(filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const rows = await prisma().auditLog.findMany({
    where: where(filter),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    include: { user: { select: { email: true } } },
  });
  const shown = rows.slice(0, pageSize);
  const last = shown.at(-1);
  return {
    entries: shown.map((r) => ({ id: String(r.id), at: r.at.toISOString(), who: r.user?.email ?? null, action: r.action, target: r.target, detail: r.detail })),
    older: rows.length > pageSize && last ? auditCursor(last) : null,
  };
}
