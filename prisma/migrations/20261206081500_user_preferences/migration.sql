-- The last scope each person chose on the home page (clusters, namespaces, service search, time range), as
-- its canonical URL query, so opening / without one brings them back to what they were looking at.
CREATE TABLE "user_preferences" (
    "user_id" UUID NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_preferences_pkey" PRIMARY KEY ("user_id")
);
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
