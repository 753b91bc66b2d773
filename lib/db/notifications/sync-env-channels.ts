import type { ChannelType } from "@/lib/domain/notifications/message.ts";
import { EVERYTHING } from "@/lib/domain/notifications/route.ts";
import { openSecret, sealSecret, secretHint } from "@/lib/notify/secret-box.ts";
import { getPool } from "../pool.ts";

export type EnvChannel = { name: string; type: ChannelType; url: string | null; secret: string };

// The channels the environment defines become rows (so deliveries can point at them and admins see them),
// kept equal to the settings on every notifier pass: a changed secret is resealed, an unset one removed.
export async function syncEnvChannels(wanted: readonly EnvChannel[], ratePerMinute: number, key: Buffer): Promise<void> {
  const pool = getPool();
  const { rows } = await pool.query<{ id: string; name: string; url: string | null; secret_enc: string; rate_per_minute: number }>(
    `SELECT id, name, url, secret_enc, rate_per_minute FROM notification_channels WHERE source = 'env'`,
  );
  for (const row of rows) {
    if (!wanted.some((w) => w.name === row.name)) await pool.query(`DELETE FROM notification_channels WHERE id = $1`, [row.id]);
  }
  for (const w of wanted) {
    const row = rows.find((r) => r.name === w.name);
    if (row && row.url === w.url && row.rate_per_minute === ratePerMinute && sameSecret(row.secret_enc, w.secret, key)) continue;
    await pool.query(
      `INSERT INTO notification_channels (name, type, source, url, secret_enc, secret_hint, route, rate_per_minute)
       VALUES ($1, $2, 'env', $3, $4, $5, $6, $7)
       ON CONFLICT (name) DO UPDATE SET type = EXCLUDED.type, source = 'env', url = EXCLUDED.url, secret_enc = EXCLUDED.secret_enc,
         secret_hint = EXCLUDED.secret_hint, route = EXCLUDED.route, rate_per_minute = EXCLUDED.rate_per_minute
       WHERE notification_channels.source = 'env'`,
      [w.name, w.type, w.url, sealSecret(w.secret, key), secretHint(w.secret), EVERYTHING, ratePerMinute],
    );
  }
}

function sameSecret(sealed: string, plain: string, key: Buffer): boolean {
  try {
    return openSecret(sealed, key) === plain;
  } catch {
    return false;
  }
}
