import type { Plan, PlannedDelivery } from "@/lib/domain/notifications/plan-notifications.ts";
import { storedRoute, type Route } from "@/lib/domain/notifications/route.ts";
import { getPool } from "../pool.ts";
import { withTransaction } from "../with-transaction.ts";

export type RoutingChannel = { id: string; route: Route | null; createdById: string | null };

export async function readRoutingChannels(): Promise<RoutingChannel[]> {
  const { rows } = await getPool().query<{ id: string; route: unknown; created_by_id: string | null }>(
    `SELECT id, route, created_by_id FROM notification_channels ORDER BY created_at, name`,
  );
  return rows.map((r) => ({ id: r.id, route: storedRoute(r.route), createdById: r.created_by_id }));
}

/**
 * Writes a plan: its deliveries into the outbox (a dedup key already there is skipped: a restart or a second
 * worker enqueues nothing twice) and the notified states, together, so a state never moves past a transition
 * whose deliveries were not written. A delivery whose route allows a share link gets one from `shareLinkFor`,
 * asked only for deliveries not yet in the outbox (a share link is a grant: none is made for a duplicate).
 */
export async function enqueueNotifications(plan: Plan, now: Date, shareLinkFor: (d: PlannedDelivery) => Promise<string | null>): Promise<number> {
  if (plan.states.length === 0 && plan.deliveries.length === 0) return 0;
  const keys = plan.deliveries.filter((d) => d.shareLink).map((d) => d.dedupKey);
  const { rows: known } = await getPool().query<{ dedup_key: string }>(
    `SELECT dedup_key FROM notification_deliveries WHERE dedup_key = ANY($1::text[])`,
    [keys],
  );
  const deliveries: PlannedDelivery[] = [];
  for (const d of plan.deliveries) {
    const wantsLink = d.shareLink && !known.some((k) => k.dedup_key === d.dedupKey);
    deliveries.push(wantsLink ? { ...d, message: { ...d.message, shareUrl: await shareLinkFor(d) } } : d);
  }
  return withTransaction(async (client) => {
    const inserted = await client.query(
      `INSERT INTO notification_deliveries (channel_id, dedup_key, subject, transition, message, next_attempt_at, created_at)
       SELECT *, $6::timestamptz, $6::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
       ON CONFLICT (dedup_key) DO NOTHING`,
      [
        deliveries.map((d) => d.channelId), deliveries.map((d) => d.dedupKey), deliveries.map((d) => d.subject),
        deliveries.map((d) => d.transition), deliveries.map((d) => JSON.stringify(d.message)), now,
      ],
    );
    await client.query(
      `INSERT INTO notification_states (subject, state, updated_at) SELECT s, st, now() FROM unnest($1::text[], $2::jsonb[]) AS u(s, st)
       ON CONFLICT (subject) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [plan.states.map((s) => s.subject), plan.states.map((s) => JSON.stringify(s.state))],
    );
    return inserted.rowCount ?? 0;
  });
}
