import { audit } from "@/lib/auth/audit.ts";
import { gateRoute } from "@/lib/auth/gate.ts";
import { defineSlo } from "@/lib/slo/define-slos.ts";
import { formatIssues, sloForm } from "@/lib/slo/slo-spec.ts";

export const dynamic = "force-dynamic";

// Defines (or redefines) one SLO from the cockpit's form.
export async function POST(req: Request) {
  const user = await gateRoute(req, "responder");
  if (user instanceof Response) return user;
  const body: unknown = await req.json().catch(() => undefined);
  const parsed = sloForm.safeParse(body);
  if (!parsed.success) return Response.json({ error: formatIssues(parsed.error) }, { status: 400 });
  const result = await defineSlo(parsed.data);
  if (!result.ok) return Response.json({ error: result.problems.join("; "), problems: result.problems }, { status: 422 });
  const slo = result.slos[0];
  await audit(user.id, "slo.define", `slo:${slo.id}`, { name: parsed.data.name, created: slo.created });
  return Response.json(result, { status: slo.created ? 201 : 200 });
}
