import { audit } from "@/lib/auth/audit.ts";
import { testMessage } from "@/lib/domain/notifications/message.ts";
import { getPool } from "../pool.ts";
import type { SaveOutcome } from "./save-channel.ts";

/**
 * An admin asks a channel for a test message. It goes through the outbox like any other, so the analyze worker
 * sends it (the web app never calls a receiver) within one notify interval, under the channel's rate limit, and the
 * admin page shows how it fared. One test waits per channel at a time: a second click adds nothing.
 */
export async function queueTestMessage(channelId: string, admin: { id: string; name: string }, baseUrl: string, now: Date): Promise<SaveOutcome> {
  const pool = getPool();
  const { rows } = await pool.query<{ name: string }>(`SELECT name FROM notification_channels WHERE id = $1`, [channelId]);
  const channel = rows[0];
  if (!channel) return { ok: false, status: 404, error: "no such channel (it may have been removed)" };
  const message = testMessage({ id: channelId, name: channel.name }, admin.name, baseUrl, now);
  const inserted = await pool.query<{ id: string }>(
    `INSERT INTO notification_deliveries (channel_id, dedup_key, subject, transition, message, next_attempt_at, created_at)
     SELECT $1, $2, $3, 'test', $4, $5, $5
      WHERE NOT EXISTS (SELECT 1 FROM notification_deliveries WHERE channel_id = $1 AND transition = 'test' AND status = 'pending')
     RETURNING id::text AS id`,
    [channelId, `${channelId}:test:${now.toISOString()}`, message.subject, JSON.stringify(message), now],
  );
  if (!inserted.rows[0]) return { ok: false, status: 409, error: `a test message to ${channel.name} is waiting to be sent already` };
  await audit(admin.id, "notification.channel.test", `notification-channel:${channelId}`, { name: channel.name });
  return { ok: true, id: inserted.rows[0].id };
}
