import { gateRoute } from "@/lib/auth/gate.ts";
import { createChannel } from "@/lib/db/notifications/save-channel.ts";
import { parseChannelInput } from "@/lib/domain/notifications/channel-input.ts";
import { notifyKey } from "@/lib/notify/notify-key.ts";
import { problem } from "../params.ts";

export const dynamic = "force-dynamic";

// An admin adds a notification channel. The answer is its id only: the secret never comes back.
export async function POST(req: Request) {
  const admin = await gateRoute(req, "admin");
  if (admin instanceof Response) return admin;
  const body = parseChannelInput(await req.json().catch(() => null));
  if (!body.ok) return problem(400, body.error);
  const saved = await createChannel(body.value, admin, notifyKey());
  return saved.ok ? Response.json({ id: saved.id }, { status: 201 }) : problem(saved.status, saved.error);
}
