import { z } from "zod";
import { explainIncident } from "@/lib/ai/explain-incident.ts";
import { env } from "@/lib/env.ts";
import { gateRoute } from "@/lib/auth/gate.ts";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.guid({ error: "Incident id must be a UUID" }) });

// Scoped AI: explains one incident from its redacted brief, and only when an endpoint is configured.
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  const { UPTRUST_LLM_URL: url, UPTRUST_LLM_MODEL: model, UPTRUST_LLM_API_KEY: apiKey } = env();
  if (!url || !model) return Response.json({ error: "AI explanations are off: set UPTRUST_LLM_URL and UPTRUST_LLM_MODEL to turn them on" }, { status: 404 });
  const parsed = params.safeParse(await ctx.params);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid incident id" }, { status: 400 });
  const result = await explainIncident(parsed.data.id, { url, model, apiKey });
  return Response.json(result, { status: result.ok ? 200 : result.status });
}
