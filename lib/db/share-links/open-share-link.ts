import { audit } from "@/lib/auth/audit.ts";
import { hashShareToken, isShareToken } from "@/lib/auth/share-token.ts";
import { getPool } from "@/lib/db/pool.ts";
import type { ShareView } from "@/lib/domain/shared-incident.ts";

/** A live link as its token opens it: which incident, which view, until when, shared by whom (a name). */
export type LiveShareLink = { id: string; incidentId: string; view: ShareView; expiresAt: Date; sharedBy: string };

type Row = { id: string; incident_id: string; view: string; expires_at: Date; name: string | null; email: string };

const toLink = (r: Row): LiveShareLink => ({
  id: r.id,
  incidentId: r.incident_id,
  view: r.view === "internal" ? "internal" : "external",
  expiresAt: r.expires_at,
  // The page goes outside the company: the sharer is named, not addressed.
  sharedBy: r.name || r.email.split("@")[0],
});

const LIVE = "s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.id = s.created_by_id";

// Unknown, expired and revoked tokens all come back null: whoever holds a token learns nothing more
// from a refusal than that it does not open anything.

/** A person opening the link: counted, timed and audited with the address it came from. */
export async function openShareLink(token: string, address: string, now = new Date()): Promise<LiveShareLink | null> {
  if (!isShareToken(token)) return null;
  const { rows } = await getPool().query<Row>(
    `UPDATE share_links s SET opens = s.opens + 1, last_opened_at = $2 FROM users u WHERE ${LIVE}
     RETURNING s.id, s.incident_id, s.view, s.expires_at, u.name, u.email`,
    [hashShareToken(token), now],
  );
  if (!rows[0]) return null;
  const link = toLink(rows[0]);
  await audit(null, "share.open", `share-link:${link.id}`, { incidentId: link.incidentId, address });
  return link;
}

/** The open page refreshing itself: the same check, not another open. */
export async function findShareLink(token: string, now = new Date()): Promise<LiveShareLink | null> {
  if (!isShareToken(token)) return null;
  const { rows } = await getPool().query<Row>(
    `SELECT s.id, s.incident_id, s.view, s.expires_at, u.name, u.email FROM share_links s, users u WHERE ${LIVE}`,
    [hashShareToken(token), now],
  );
  return rows[0] ? toLink(rows[0]) : null;
}
