import { gateRoute } from "@/lib/auth/gate.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { parseScope } from "@/lib/domain/scope.ts";
import { jsonWithEtag } from "@/lib/http/json-with-etag.ts";

export const dynamic = "force-dynamic";

// The cockpit for the scope in the query string (?cluster=…&ns=…&q=…&range=6h). The live view polls
// every 5 seconds with the ETag it holds: an unchanged cockpit answers 304 with no body.
export async function GET(req: Request) {
  const user = await gateRoute(req);
  if (user instanceof Response) return user;
  const { scope, problems } = parseScope(new URL(req.url).searchParams);
  if (problems.length) return Response.json({ error: problems.join(" ") }, { status: 400 });
  try {
    return jsonWithEtag(req, await getCockpit(scope));
  } catch (err) {
    // The browser keeps showing its last data and says why updates paused; this gives it the reason.
    const message = err instanceof Error ? err.message : String(err);
    console.error(`[cockpit] read failed: ${message}`);
    return Response.json({ error: "Uptrust cannot read its database right now; see /api/health." }, { status: 503 });
  }
}
