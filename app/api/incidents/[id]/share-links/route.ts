import { createShareLink } from "@/lib/db/share-links/create-share-link.ts";
import { listShareLinks } from "@/lib/db/share-links/list-share-links.ts";
import { shareLinkRequestSchema } from "@/lib/domain/share-links.ts";
import { gateRoute } from "@/lib/auth/gate.ts";
import { parseIncidentId } from "../params.ts";

export const dynamic = "force-dynamic";

const problem = (status: number, error: string) => Response.json({ error }, { status });

// A responder shares the incident: the answer carries the link's token this once and never again.
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req, "responder");
  if (user instanceof Response) return user;
  const parsed = await parseIncidentId(ctx);
  if ("error" in parsed) return parsed.error;
  const { id } = parsed;
  const raw = await req.json().catch(() => undefined);
  if (raw === undefined) return problem(400, 'The body must be JSON such as {"view": "external", "days": 7}');
  const body = shareLinkRequestSchema.safeParse(raw);
  if (!body.success) return problem(400, body.error.issues[0]?.message ?? "Invalid share link request");
  const created = await createShareLink(id, user.id, body.data);
  if (!created) return problem(404, `No incident with id ${id}`);
  const path = `/share/${created.token}`;
  return Response.json(
    { id: created.id, url: new URL(path, req.url).href, path, token: created.token, expiresAt: created.expiresAt.toISOString() },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
}

// Everyone signed in sees who shared the incident, how, until when and how often it was opened.
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  const parsed = await parseIncidentId(ctx);
  if ("error" in parsed) return parsed.error;
  return Response.json(await listShareLinks({ incidentId: parsed.id }, user), { headers: { "cache-control": "no-store" } });
}
