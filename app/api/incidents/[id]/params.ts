import { z } from "zod";

// The incident routes' one path parameter; a malformed id is a 400 that shows what an id looks like.
const params = z.object({ id: z.guid({ error: "Incident id must be a UUID such as 4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90" }) });

export async function parseIncidentId(ctx: { params: Promise<{ id: string }> }): Promise<{ id: string } | { error: Response }> {
  const parsed = params.safeParse(await ctx.params);
  if (parsed.success) return { id: parsed.data.id };
  return { error: Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid incident id" }, { status: 400 }) };
}
