import { z } from "zod";
import { SHARE_VIEWS } from "@/lib/domain/shared-incident.ts";
import { readSharedView } from "@/lib/share/shared-view.ts";
import { gateRoute } from "@/lib/auth/gate.ts";
import { parseIncidentId } from "../../params.ts";

export const dynamic = "force-dynamic";

const query = z.object({ view: z.enum(SHARE_VIEWS, { error: "view must be internal or external" }).default("external") });

// What a link would show, and what it would leave out, before a responder creates it.
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req, "responder");
  if (user instanceof Response) return user;
  const asked = await parseIncidentId(ctx);
  if ("error" in asked) return asked.error;
  const q = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return Response.json({ error: q.error.issues[0]?.message ?? "Invalid view" }, { status: 400 });
  const preview = await readSharedView(asked.id, q.data.view);
  if (!preview) return Response.json({ error: `No incident with id ${asked.id}` }, { status: 404 });
  return Response.json(preview, { headers: { "cache-control": "no-store" } });
}
