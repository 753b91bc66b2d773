import { gateRoute } from "@/lib/auth/gate.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  try {
    return Response.json(await getCockpit(), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    // The browser keeps showing its last data and says why updates paused; this gives it the reason.
    const message = err instanceof Error ? err.message : String(err);
    console.error(`[cockpit] read failed: ${message}`);
    return Response.json({ error: "Uptrust cannot read its database right now; see /api/health." }, { status: 503 });
  }
}
