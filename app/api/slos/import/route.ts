import { z } from "zod";
import { audit } from "@/lib/auth/audit.ts";
import { gateRoute } from "@/lib/auth/gate.ts";
import { importSloFile } from "@/lib/slo/define-slos.ts";
import { readSloBody } from "@/lib/slo/read-slo-body.ts";

export const dynamic = "force-dynamic";

const query = z.object({ cluster: z.string().min(1).max(253).optional() });

// Imports OpenSLO or Sloth YAML (the request body); ?cluster= picks the cluster when a service name exists
// in several. All or nothing: problems name the line and field; notes say what was read but not used.
export async function POST(req: Request) {
  const user = await gateRoute(req, "responder");
  if (user instanceof Response) return user;
  const params = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!params.success) return Response.json({ error: "cluster must be a cluster name" }, { status: 400 });
  const body = await readSloBody(req);
  if ("error" in body) return Response.json({ error: body.error }, { status: body.status });
  const result = await importSloFile(body.text, params.data.cluster);
  if (!result.ok) return Response.json({ error: result.problems.join("\n"), problems: result.problems, notes: result.notes }, { status: 422 });
  await audit(user.id, "slo.import", `slos:${result.slos.length}`, { slos: result.slos.map((s) => s.id), notes: result.notes.length });
  return Response.json(result, { status: 200 });
}
