import { currentUser } from "@/lib/auth/require-user.ts";
import { getHealth } from "@/lib/db/queries/get-health.ts";

export const dynamic = "force-dynamic";

// Liveness/readiness probe: 503 only when Uptrust cannot read its own database. Load balancers and the
// public learn only whether Uptrust is up; the database error and each cluster's ingest state, which name
// hosts and clusters, are for signed-in users.
export async function GET() {
  const health = await getHealth();
  const status = health.ok ? 200 : 503;
  const headers = { "cache-control": "no-store" };
  const user = await currentUser().catch(() => null);
  if (!user) return Response.json({ ok: health.ok, status: health.ok ? "up" : "down" }, { status, headers });
  return Response.json({ ...health, status: health.ok ? "up" : "down" }, { status, headers });
}
