import { gateRoute } from "@/lib/auth/gate.ts";
import { queueTestMessage } from "@/lib/db/notifications/queue-test-message.ts";
import { env } from "@/lib/env.ts";
import { publicBaseUrl } from "@/lib/notify/public-base-url.ts";
import { idFrom, problem } from "../../../params.ts";

export const dynamic = "force-dynamic";

// An admin asks for a test message on one channel (theirs or the environment's); the analyze worker sends it.
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const admin = await gateRoute(req, "admin");
  if (admin instanceof Response) return admin;
  const id = await idFrom(ctx, "channel");
  if ("error" in id) return id.error;
  const queued = await queueTestMessage(id.id, { id: admin.id, name: admin.name ?? admin.email }, publicBaseUrl(env()), new Date());
  return queued.ok ? Response.json({ queued: queued.id }, { status: 202 }) : problem(queued.status, queued.error);
}
