import { audit } from "@/lib/auth/audit.ts";
import { parseChannelEdit, type ChannelInput } from "@/lib/domain/notifications/channel-input.ts";
import type { ChannelType } from "@/lib/domain/notifications/message.ts";
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

// An admin changes a channel they (or another admin) added. The body is checked against the channel's stored type,
// so it is read first; the secret is resealed only when a new one is sent. Messages already queued keep their channel
// and go out under its new settings; what changes is logged, a new secret only as "changed".
export async function updateChannel(id: string, body: unknown, admin: { id: string }, key: Buffer): Promise<SaveOutcome> {
  const { rows } = await getPool().query<{ name: string; type: ChannelType; source: string }>(
    `SELECT name, type, source FROM notification_channels WHERE id = $1`,
    [id],
  );
  const channel = rows[0];
  if (!channel) return { ok: false, status: 404, error: "no such channel (it may have been removed)" };
  if (channel.source === "env") {
    return { ok: false, status: 409, error: `${channel.name} is defined by the environment; change its variable to change it` };
  }
  const edit = parseChannelEdit(body, channel.type);
  if (!edit.ok) return { ok: false, status: 400, error: edit.error };
  const { url, secret, route, ratePerMinute } = edit.value;
  await getPool().query(
    `UPDATE notification_channels SET url = $2, route = $3, rate_per_minute = $4,
            secret_enc = COALESCE($5, secret_enc), secret_hint = COALESCE($6, secret_hint)
      WHERE id = $1`,
    [id, url || null, route, ratePerMinute, secret ? sealSecret(secret, key) : null, secret ? secretHint(secret) : null],
  );
  await audit(admin.id, "notification.channel.update", `notification-channel:${id}`, {
    name: channel.name, url: url || null, route, ratePerMinute, secretChanged: secret !== undefined,
  });
  return { ok: true, id };
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
