import { audit } from "@/lib/auth/audit.ts";
import { gateRoute } from "@/lib/auth/gate.ts";
import { retryDeadLetter } from "@/lib/db/notifications/list-notifications.ts";
import { idFrom, problem } from "../../../params.ts";

export const dynamic = "force-dynamic";

// An admin sends a dead letter again (after fixing the receiver): it gets a fresh set of attempts.
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const admin = await gateRoute(req, "admin");
  if (admin instanceof Response) return admin;
  const id = await idFrom(ctx, "dead letter");
  if ("error" in id) return id.error;
  if (!(await retryDeadLetter(id.id, new Date()))) return problem(404, "no such dead letter (it may have been sent again already)");
  await audit(admin.id, "notification.retry", `notification-delivery:${id.id}`);
  return Response.json({ ok: true });
}
