import { gateRoute } from "@/lib/auth/gate.ts";
import { getIncident } from "@/lib/db/queries/get-incident.ts";
import { parseIncidentId } from "./params.ts";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  const parsed = await parseIncidentId(ctx);
  if ("error" in parsed) return parsed.error;
  const detail = await getIncident(parsed.id);
  if (!detail) {
    return Response.json({ error: `No incident with id ${parsed.id}` }, { status: 404 });
  }
  return Response.json(detail, { headers: { "cache-control": "no-store" } });
}
