import { z } from "zod";
import { gateRoute } from "@/lib/auth/gate.ts";
import type { SessionUser } from "@/lib/auth/require-user.ts";
import type { Role } from "@/lib/auth/rules.ts";

// The incident routes' one path parameter; a malformed id is a 400 that shows what an id looks like.
const params = z.object({ id: z.guid({ error: "Incident id must be a UUID such as 4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90" }) });

export async function parseIncidentId(ctx: { params: Promise<{ id: string }> }): Promise<{ id: string } | { error: Response }> {
  const parsed = params.safeParse(await ctx.params);
  if (parsed.success) return { id: parsed.data.id };
  return { error: Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid incident id" }, { status: 400 }) };
}

/** The gate, then the incident id: who asks and which incident, or the Response that refuses the request. */
export async function gateIncident(
  req: Request,
  ctx: { params: Promise<{ id: string }> },
  need: Role = "viewer",
): Promise<{ user: SessionUser; id: string } | Response> {
  const user = await gateRoute(req, need);
  if (user instanceof Response) return user;
  const parsed = await parseIncidentId(ctx);
  return "error" in parsed ? parsed.error : { user, id: parsed.id };
}
