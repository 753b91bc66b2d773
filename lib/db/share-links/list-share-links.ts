import { prisma } from "@/lib/db/client.ts";
import { mayRevoke, shareLinkState, type ShareLinkItem, type ShareLinkState } from "@/lib/domain/share-links.ts";

const MAX_LINKS = 500;
const person = (u: Person | null) => (u ? u.name || u.email : null);

/**
 * Share links, newest first: one incident's, or every incident's (admins). `asker` decides `canRevoke`.
 * Expired and revoked links stay listed: who shared what, until when, and how often it was opened.
 */
export async function listShareLinks(filter: { incidentId?: string }, asker: Asker, now = new Date()): Promise<ShareLinkItem[]> {
  const rows = await prisma().shareLink.findMany({
    where: filter.incidentId ? { incidentId: filter.incidentId } : {},
    orderBy: { createdAt: "desc" },
    take: MAX_LINKS,
    include: {
      incident: { select: { id: true, title: true } },
      createdBy: { select: { name: true, email: true } },
      revokedBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((r) => toItem(r, shareLinkState(r, now), asker));
}

type Row = {
  id: string;
  incident: { id: string; title: string };
  view: string;
  createdById: string;
  createdBy: Person;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: Person | null;
  opens: number;
  lastOpenedAt: Date | null;
};
type Asker = { id: string; role: string };
type Person = { name: string | null; email: string };

const toItem = (r: Row, state: ShareLinkState, asker: Asker): ShareLinkItem => ({
  id: r.id,
  incident: r.incident,
  view: r.view === "internal" ? "internal" : "external",
  createdBy: person(r.createdBy) ?? "",
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
  revokedBy: person(r.revokedBy),
  opens: r.opens,
  lastOpenedAt: r.lastOpenedAt?.toISOString() ?? null,
  state,
  // Only a link that still opens needs revoking.
  canRevoke: state === "active" && mayRevoke(asker, r),
});
