import { gateRoute } from "@/lib/auth/gate.ts";
import { getPostmortem } from "@/lib/db/queries/get-postmortem.ts";
import { parseIncidentId } from "../params.ts";

export const dynamic = "force-dynamic";

// The postmortem draft as Markdown: `?download=1` makes browsers save it as a file.
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  const parsed = await parseIncidentId(ctx);
  if ("error" in parsed) return parsed.error;
  const markdown = await getPostmortem(parsed.id);
  if (markdown === null) return Response.json({ error: `No incident with id ${parsed.id}` }, { status: 404 });
  const download = new URL(req.url).searchParams.get("download") === "1";
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "cache-control": "no-store",
      ...(download ? { "content-disposition": `attachment; filename="postmortem-${parsed.id}.md"` } : {}),
    },
  });
}
