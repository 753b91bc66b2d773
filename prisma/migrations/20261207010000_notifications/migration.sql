-- Notifications: the channels an admin (or the environment) configures, the state each incident and SLO was
-- last notified in, and the outbox the notifier sends from. The outbox's dedup key (channel, subject,
-- transition) makes a restart or a second worker unable to send the same message twice.
CREATE TABLE "notification_channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    -- slack | pagerduty | webhook
    "type" TEXT NOT NULL,
    -- admin | env (env channels are written by the notifier from its settings and shown read-only)
    "source" TEXT NOT NULL DEFAULT 'admin',
    -- The PagerDuty events URL or the webhook URL; a Slack webhook URL is a secret and lives in secret_enc.
    "url" TEXT,
    -- AES-256-GCM with a key derived from AUTH_SECRET (lib/notify/secret-box.ts); never shown back.
    "secret_enc" TEXT NOT NULL,
    "secret_hint" TEXT NOT NULL DEFAULT '',
    "route" JSONB NOT NULL DEFAULT '{}',
    "rate_per_minute" INTEGER NOT NULL DEFAULT 20,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_channels_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_channels_name_key" ON "notification_channels"("name");

CREATE TABLE "notification_states" (
    -- incident:<id> | slo:<id>
    "subject" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_states_pkey" PRIMARY KEY ("subject")
);

CREATE TABLE "notification_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "channel_id" UUID NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "transition" TEXT NOT NULL,
    "message" JSONB NOT NULL,
    -- pending | delivered | dead
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_deliveries_dedup_key_key" ON "notification_deliveries"("dedup_key");
CREATE INDEX "notification_deliveries_status_next_attempt_at_idx" ON "notification_deliveries"("status", "next_attempt_at");
CREATE INDEX "notification_deliveries_channel_id_sent_at_idx" ON "notification_deliveries"("channel_id", "sent_at");
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;
