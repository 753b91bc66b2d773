import { gateRoute } from "@/lib/auth/gate.ts";
import { deleteChannel, updateChannel } from "@/lib/db/notifications/save-channel.ts";
import { notifyKey } from "@/lib/notify/notify-key.ts";
import { idFrom, problem } from "../../params.ts";

export const dynamic = "force-dynamic";

// An admin removes a channel they (or another admin) added; its pending messages go with it.
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const admin = await gateRoute(req, "admin");
  if (admin instanceof Response) return admin;
  const id = await idFrom(ctx, "channel");
  if ("error" in id) return id.error;
  const outcome = await deleteChannel(id.id, admin);
  return outcome.ok ? Response.json({ ok: true }) : problem(outcome.status, outcome.error);
}

// An admin changes a channel's URL, route, rate or secret (an empty secret keeps the stored one). The answer is the id only.
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const admin = await gateRoute(req, "admin");
  if (admin instanceof Response) return admin;
  const id = await idFrom(ctx, "channel");
  if ("error" in id) return id.error;
  const outcome = await updateChannel(id.id, await req.json().catch(() => null), admin, notifyKey());
  return outcome.ok ? Response.json({ id: outcome.id }) : problem(outcome.status, outcome.error);
}
