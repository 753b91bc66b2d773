import { audit } from "@/lib/auth/audit.ts";
import type { ChannelInput } from "@/lib/domain/notifications/channel-input.ts";
import { sealSecret, secretHint } from "@/lib/notify/secret-box.ts";
import { getPool } from "../pool.ts";

export type SaveOutcome = { ok: true; id: string } | { ok: false; status: number; error: string };

// An admin adds a channel. The secret is sealed before it reaches the database and the audit line records
// the channel and its route, never the secret.
export async function createChannel(input: ChannelInput, admin: { id: string }, key: Buffer): Promise<SaveOutcome> {
  const { rows } = await getPool().query<{ id: string }>(
    `INSERT INTO notification_channels (name, type, source, url, secret_enc, secret_hint, route, rate_per_minute, created_by_id)
     VALUES ($1, $2, 'admin', $3, $4, $5, $6, $7, $8) ON CONFLICT (name) DO NOTHING RETURNING id`,
    [input.name, input.type, input.url ?? null, sealSecret(input.secret, key), secretHint(input.secret), input.route, input.ratePerMinute, admin.id],
  );
  if (!rows[0]) return { ok: false, status: 409, error: `a channel named ${input.name} exists already; pick another name` };
  await audit(admin.id, "notification.channel.create", `notification-channel:${rows[0].id}`, {
    name: input.name, type: input.type, url: input.url ?? null, route: input.route, ratePerMinute: input.ratePerMinute,
  });
  return { ok: true, id: rows[0].id };
}

// Environment channels belong to the environment: removing one is done there, not on the page.
export async function deleteChannel(id: string, admin: { id: string }): Promise<SaveOutcome> {
  const { rows } = await getPool().query<{ name: string; source: string }>(`SELECT name, source FROM notification_channels WHERE id = $1`, [id]);
  const channel = rows[0];
  if (!channel) return { ok: false, status: 404, error: "no such channel (it may have been removed already)" };
  if (channel.source === "env") {
    return { ok: false, status: 409, error: `${channel.name} is defined by the environment; unset its variable to remove it` };
  }
  await getPool().query(`DELETE FROM notification_channels WHERE id = $1`, [id]);
  await audit(admin.id, "notification.channel.delete", `notification-channel:${id}`, { name: channel.name });
  return { ok: true, id };
}
