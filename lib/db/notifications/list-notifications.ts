import { headline, type ChannelType, type NotificationMessage } from "@/lib/domain/notifications/message.ts";
import { describeRoute, storedRoute } from "@/lib/domain/notifications/route.ts";
import type { ChannelItem, DeadLetterItem } from "@/lib/views/notifications.ts";
import { getPool } from "../pool.ts";

// What Admin → Notifications shows: the channels (never a secret, only its hint) with their delivery counts.
export async function listChannelItems(): Promise<ChannelItem[]> {
  const { rows } = await getPool().query<{
    id: string; name: string; type: ChannelType; source: "admin" | "env"; url: string | null; secret_hint: string; route: unknown;
    rate_per_minute: number; sent: number; pending: number; dead: number;
    test_status: "pending" | "delivered" | "dead" | null; test_at: Date | null; test_error: string | null;
  }>(
    `SELECT c.id, c.name, c.type, c.source, c.url, c.secret_hint, c.route, c.rate_per_minute,
            count(*) FILTER (WHERE d.status = 'delivered')::int AS sent, count(*) FILTER (WHERE d.status = 'pending')::int AS pending,
            count(*) FILTER (WHERE d.status = 'dead')::int AS dead,
            t.status AS test_status, coalesce(t.sent_at, t.created_at) AS test_at, t.last_error AS test_error
       FROM notification_channels c LEFT JOIN notification_deliveries d ON d.channel_id = c.id
       LEFT JOIN LATERAL (SELECT status, sent_at, created_at, last_error FROM notification_deliveries
                           WHERE channel_id = c.id AND transition = 'test' ORDER BY id DESC LIMIT 1) t ON true
      GROUP BY c.id, t.status, t.sent_at, t.created_at, t.last_error ORDER BY c.source DESC, c.name`,
  );
  return rows.map((r) => {
    const route = storedRoute(r.route);
    return {
      id: r.id, name: r.name, type: r.type, source: r.source, url: r.url, secretHint: r.secret_hint,
      route: route ? describeRoute(route) : "nothing (the stored route is not readable; change the channel to set it again)",
      routeFields: route,
      ratePerMinute: r.rate_per_minute, sent: r.sent, pending: r.pending, dead: r.dead,
      lastTest: r.test_status && r.test_at ? { status: r.test_status, at: r.test_at.toISOString(), error: r.test_error } : null,
    };
  });
}

/** Dead letters, newest first: what was not delivered and why (errors are stored redacted; links are not shown). */
export async function listDeadLetters(limit = 100): Promise<DeadLetterItem[]> {
  const { rows } = await getPool().query<{
    id: string; channel: string; type: string; subject: string; transition: string; message: NotificationMessage; attempts: number;
    last_error: string | null; created_at: Date;
  }>(
    `SELECT d.id::text AS id, c.name AS channel, c.type, d.subject, d.transition, d.message, d.attempts, d.last_error, d.created_at
       FROM notification_deliveries d JOIN notification_channels c ON c.id = d.channel_id
      WHERE d.status = 'dead' ORDER BY d.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id, channel: r.channel, channelType: r.type, subject: r.subject, transition: r.transition, headline: headline(r.message),
    attempts: r.attempts, lastError: r.last_error ?? "", createdAt: r.created_at.toISOString(),
  }));
}

/** An admin sends a dead letter again: it gets a fresh set of attempts. */
export async function retryDeadLetter(id: string, now: Date): Promise<boolean> {
  const { rowCount } = await getPool().query(
    `UPDATE notification_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2, lease_until = NULL WHERE id = $1 AND status = 'dead'`,
    [id, now],
  );
  return (rowCount ?? 0) > 0;
}
