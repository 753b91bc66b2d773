import { gateRoute } from "@/lib/auth/gate.ts";
import { parseRuleExportQuery } from "@/lib/domain/rule-export-query.ts";
import { exportSloRules, ruleFileResponse } from "@/lib/slo/export-slo-rules.ts";

export const dynamic = "force-dynamic";

// GET /api/slos/rules[?cluster=NAME][&format=prometheusrule&namespace=NS&label=K=V…]: every SLO as Prometheus recording
// and alerting rules (Sloth's names), a file for `rule_files:` that `promtool check rules` accepts, or a PrometheusRule.
export async function GET(req: Request) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  const parsed = parseRuleExportQuery(new URL(req.url).searchParams, true);
  if ("problem" in parsed) return Response.json({ error: parsed.problem }, { status: 400 });
  const { cluster, ...as } = parsed.query;
  const file = await exportSloRules({ cluster }, new Date(), as);
  if (!file) return Response.json({ error: `No SLO in a cluster named ${cluster}: name a cluster Uptrust watches, as /clusters lists them` }, { status: 404 });
  return ruleFileResponse(file);
}
