import { z } from "zod";
import { gateRoute } from "@/lib/auth/gate.ts";
import { exportSloRules, ruleFileResponse } from "@/lib/slo/export-slo-rules.ts";

export const dynamic = "force-dynamic";

const query = z.object({ cluster: z.string().min(1, "cluster must name a cluster").max(253, "cluster must be at most 253 characters").optional() }).strict();

// GET /api/slos/rules[?cluster=NAME]: every SLO as Prometheus recording and alerting rules (Sloth's names), a file
// for `rule_files:` that `promtool check rules` accepts.
export async function GET(req: Request) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  const q = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return Response.json({ error: q.error.issues[0]?.code === "unrecognized_keys" ? "only ?cluster=NAME may be given" : q.error.issues[0].message }, { status: 400 });
  const file = await exportSloRules({ cluster: q.data.cluster }, new Date());
  if (!file) return Response.json({ error: `No SLO in a cluster named ${q.data.cluster}: name a cluster Uptrust watches, as /clusters lists them` }, { status: 404 });
  return ruleFileResponse(file);
}
