import { applyIncidentAction } from "@/lib/db/incidents/apply-incident-action.ts";
import { incidentActionSchema } from "@/lib/domain/incident-actions.ts";
import { parseIncidentId } from "../params.ts";
import { gateRoute } from "@/lib/auth/gate.ts";

export const dynamic = "force-dynamic";

const problem = (status: number, error: string) => Response.json({ error }, { status });

// A responder's action on an incident: status, acknowledgement, severity, owner, note or status update.
// Only a signed-in responder or admin may act; a share link never carries a session, so it cannot.
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req, "responder");
  if (user instanceof Response) return user;
  const id = await parseIncidentId(ctx);
  if ("error" in id) return id.error;
  const body = incidentActionSchema.safeParse(await req.json().catch(() => null));
  if (!body.success) {
    const issue = body.error.issues[0];
    return problem(400, issue?.path.length ? `${issue.path.join(".")}: ${issue.message}` : (issue?.message ?? "Invalid action"));
  }
  const outcome = await applyIncidentAction(id.id, body.data, { name: user.name || user.email, email: user.email });
  return outcome.ok ? Response.json({ ok: true }) : problem(outcome.status, outcome.error);
}
