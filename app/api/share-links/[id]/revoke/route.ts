import { z } from "zod";
import { gateRoute } from "@/lib/auth/gate.ts";
import { revokeShareLink } from "@/lib/db/share-links/revoke-share-link.ts";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.guid({ error: "A share link id is a UUID such as 4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90" }) });

// Revoking takes effect on the link's next open. Responders revoke their own links, admins any.
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req, "responder");
  if (user instanceof Response) return user;
  const parsed = params.safeParse(await ctx.params);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message }, { status: 400 });
  const outcome = await revokeShareLink(parsed.data.id, user);
  if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status });
  return Response.json({ ok: true, revokedAt: outcome.revokedAt.toISOString() });
}
