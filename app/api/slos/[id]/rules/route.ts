import { z } from "zod";
import { gateRoute } from "@/lib/auth/gate.ts";
import { parseRuleExportQuery } from "@/lib/domain/rule-export-query.ts";
import { exportSloRules, ruleFileResponse } from "@/lib/slo/export-slo-rules.ts";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.guid({ error: "SLO id must be a UUID such as 4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90" }) });

// GET /api/slos/:id/rules[?format=prometheusrule&namespace=NS&label=K=V…]: one SLO as Prometheus recording and alerting
// rules (Sloth's names), as a rule file or a PrometheusRule.
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  const id = params.safeParse(await ctx.params);
  if (!id.success) return Response.json({ error: id.error.issues[0]?.message ?? "Invalid SLO id" }, { status: 400 });
  const parsed = parseRuleExportQuery(new URL(req.url).searchParams, false);
  if ("problem" in parsed) return Response.json({ error: parsed.problem }, { status: 400 });
  const file = await exportSloRules({ id: id.data.id }, new Date(), parsed.query);
  if (!file) return Response.json({ error: `No SLO with id ${id.data.id}: it may have been deleted with its workload` }, { status: 404 });
  return ruleFileResponse(file);
}
