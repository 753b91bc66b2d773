import { getHealth } from "@/lib/db/queries/get-health.ts";

export const dynamic = "force-dynamic";

// Public liveness/readiness probe: 503 only when Uptrust cannot read its own database.
export async function GET() {
  const health = await getHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
