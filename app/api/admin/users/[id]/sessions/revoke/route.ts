import { gateRoute } from "@/lib/auth/gate.ts";
import { revokeUserSessions } from "@/lib/db/admin/revoke-user-sessions.ts";
import { problem, userIdFrom } from "../../params.ts";

export const dynamic = "force-dynamic";

// An admin ends every live session of a person; their next request is sent to sign in, told why.
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const admin = await gateRoute(req, "admin");
  if (admin instanceof Response) return admin;
  const id = await userIdFrom(ctx);
  if ("error" in id) return id.error;
  const outcome = await revokeUserSessions(id.id, admin.id);
  return outcome.ok ? Response.json(outcome) : problem(outcome.status, outcome.error);
}
