-- Server-side sessions: the signed cookie names a row here, so sign-out, an admin's revocation, the idle
-- timeout and the absolute lifetime end a session on its next request, whatever the cookie still says.
CREATE TABLE "user_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_active_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,
    "address" TEXT,
    "user_agent" TEXT,
    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Where a user's role came from: the provider's groups through UPTRUST_ROLE_MAP ("mapping"), an admin's
-- change in Uptrust ("admin"), UPTRUST_ADMIN_EMAILS ("config"), or nobody yet ("default", a viewer).
-- Users who exist already keep their role, recorded as an admin's choice.
ALTER TABLE "users" ADD COLUMN "role_source" TEXT NOT NULL DEFAULT 'default';
UPDATE "users" SET "role_source" = 'admin';
ALTER TABLE "users" ADD COLUMN "groups" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- A share link shows one incident as a viewer sees it ("internal") or further redacted ("external").
ALTER TABLE "share_links" ADD COLUMN "view" TEXT NOT NULL DEFAULT 'external';
ALTER TABLE "share_links" ADD COLUMN "opens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "share_links" ADD COLUMN "last_opened_at" TIMESTAMPTZ(3);
ALTER TABLE "share_links" ADD COLUMN "revoked_by_id" UUID;
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "share_links_incident_id_idx" ON "share_links"("incident_id");

CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");
CREATE INDEX "audit_log_user_id_at_idx" ON "audit_log"("user_id", "at");
