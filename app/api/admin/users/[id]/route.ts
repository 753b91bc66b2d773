import { parseRoleChange } from "@/lib/auth/admin-requests.ts";
import { gateRoute } from "@/lib/auth/gate.ts";
import { rolesFollowProvider } from "@/lib/auth/record-sign-in.ts";
import { changeUserRole } from "@/lib/db/admin/change-user-role.ts";
import { problem, userIdFrom } from "./params.ts";

export const dynamic = "force-dynamic";

// An admin sets a person's role ({"role":"responder"}); it holds from that person's next request.
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const admin = await gateRoute(req, "admin");
  if (admin instanceof Response) return admin;
  const id = await userIdFrom(ctx);
  if ("error" in id) return id.error;
  const body = parseRoleChange(await req.json().catch(() => null));
  if (!body.ok) return problem(400, body.error);
  const outcome = await changeUserRole({ userId: id.id, to: body.value.role, admin, mapConfigured: rolesFollowProvider() });
  return outcome.ok ? Response.json(outcome) : problem(outcome.status, outcome.error);
}
