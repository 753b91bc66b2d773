import type { NotificationMessage } from "@/lib/domain/notifications/message.ts";
import { getPool } from "../pool.ts";

export type ClaimedDelivery = {
  id: string;
  channelId: string;
  channelName: string;
  channelType: string;
  url: string | null;
  secretEnc: string;
  ratePerMinute: number;
  subject: string;
  transition: string;
  message: NotificationMessage;
  attempts: number;
};

/**
 * Leases up to `limit` due deliveries to this worker until `leaseUntil`; rows another worker holds are skipped
 * (FOR UPDATE SKIP LOCKED, then the lease), so two workers never send the same row at once. Per channel and
 * subject only the oldest pending delivery is due: PagerDuty must see the trigger before the resolve.
 */
export async function claimDueDeliveries(now: Date, leaseUntil: Date, limit = 50): Promise<ClaimedDelivery[]> {
  const { rows } = await getPool().query<{
    id: string; channel_id: string; name: string; type: string; url: string | null; secret_enc: string; rate_per_minute: number;
    subject: string; transition: string; message: NotificationMessage; attempts: number;
  }>(
    `WITH due AS (
       SELECT d.id FROM notification_deliveries d
        WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.lease_until IS NULL OR d.lease_until < $1)
          AND NOT EXISTS (SELECT 1 FROM notification_deliveries e
                           WHERE e.channel_id = d.channel_id AND e.subject = d.subject AND e.status = 'pending' AND e.id < d.id)
        ORDER BY d.id LIMIT $3 FOR UPDATE SKIP LOCKED)
     UPDATE notification_deliveries d SET lease_until = $2 FROM due, notification_channels c
      WHERE d.id = due.id AND c.id = d.channel_id
     RETURNING d.id::text AS id, d.channel_id, c.name, c.type, c.url, c.secret_enc, c.rate_per_minute,
               d.subject, d.transition, d.message, d.attempts`,
    [now, leaseUntil, limit],
  );
  return rows
    .map((r) => ({
      id: r.id, channelId: r.channel_id, channelName: r.name, channelType: r.type, url: r.url, secretEnc: r.secret_enc,
      ratePerMinute: r.rate_per_minute, subject: r.subject, transition: r.transition, message: r.message, attempts: r.attempts,
    }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** When the channel's messages of the last minute went out (its rate limit counts them). */
export async function recentSends(channelId: string, now: Date): Promise<number[]> {
  const { rows } = await getPool().query<{ ms: number }>(
    `SELECT (extract(epoch FROM sent_at) * 1000)::float8 AS ms FROM notification_deliveries
      WHERE channel_id = $1 AND sent_at > $2::timestamptz - interval '1 minute'`,
    [channelId, now],
  );
  return rows.map((r) => r.ms);
}

export async function recordDelivered(id: string, attempts: number, now: Date): Promise<void> {
  await getPool().query(
    `UPDATE notification_deliveries SET status = 'delivered', attempts = $2, sent_at = $3, lease_until = NULL, last_error = NULL WHERE id = $1`,
    [id, attempts, now],
  );
}

/** A failed attempt: tried again at `retryAt`, or a dead letter when that is null. The error is already redacted. */
export async function recordFailure(id: string, attempts: number, error: string, retryAt: Date | null): Promise<void> {
  await getPool().query(
    `UPDATE notification_deliveries SET attempts = $2, last_error = $3, lease_until = NULL,
            status = CASE WHEN $4::timestamptz IS NULL THEN 'dead' ELSE 'pending' END, next_attempt_at = coalesce($4, next_attempt_at)
      WHERE id = $1`,
    [id, attempts, error.slice(0, 500), retryAt],
  );
}

/** Held back by the channel's rate limit: no attempt spent, sent when its slot comes. */
export async function deferDelivery(id: string, at: Date): Promise<void> {
  await getPool().query(`UPDATE notification_deliveries SET next_attempt_at = $2, lease_until = NULL WHERE id = $1`, [id, at]);
}

export async function countDeadLetters(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM notification_deliveries WHERE status = 'dead'`);
  return rows[0]?.n ?? 0;
}
