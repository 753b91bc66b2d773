import { z } from "zod";
import { gateRoute } from "@/lib/auth/gate.ts";
import { getRecommendationPatch } from "@/lib/db/queries/get-recommendation-patch.ts";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.guid({ error: "Recommendation id must be a UUID such as 4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90" }) });
// bundle: JSON, YAML and the kubectl commands together (for the cockpit); json / yaml: the patch file itself.
const query = z.object({ format: z.enum(["bundle", "json", "yaml"], { error: "format must be bundle, json or yaml" }).default("bundle") });

// GET /api/recommendations/:id/patch[?format=json|yaml]: the suggestion as a kubectl strategic-merge patch.
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  const id = params.safeParse(await ctx.params);
  const q = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!id.success || !q.success) {
    return Response.json({ error: (id.error ?? q.error)?.issues[0]?.message ?? "Invalid request" }, { status: 400 });
  }
  const patch = await getRecommendationPatch(id.data.id);
  if (!patch) return Response.json({ error: `No recommendation with id ${id.data.id}` }, { status: 404 });
  if (!patch.ok) return Response.json({ error: patch.reason }, { status: 409 });
  const headers = { "cache-control": "no-store" };
  if (q.data.format === "bundle") return Response.json(patch, { headers });
  const file = q.data.format === "yaml" ? patch.fileName : patch.fileName.replace(/\.yaml$/, ".json");
  return new Response(q.data.format === "yaml" ? patch.yaml : `${patch.json}\n`, {
    headers: { ...headers, "content-type": q.data.format === "yaml" ? "application/yaml" : "application/json", "content-disposition": `attachment; filename="${file}"` },
  });
}
