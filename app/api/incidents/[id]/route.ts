import { z } from "zod";
import { getIncident } from "@/lib/db/queries/get-incident.ts";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.guid({ error: "Incident id must be a UUID such as 4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90" }) });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = params.safeParse(await ctx.params);
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid incident id" }, { status: 400 });
  }
  const detail = await getIncident(parsed.data.id);
  if (!detail) {
    return Response.json({ error: `No incident with id ${parsed.data.id}` }, { status: 404 });
  }
  return Response.json(detail, { headers: { "cache-control": "no-store" } });
}
