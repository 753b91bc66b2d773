import { z } from "zod";
import { gateRoute } from "@/lib/auth/gate.ts";
import { saveScope } from "@/lib/db/preferences/save-scope.ts";
import { parseScope, scopeSearch } from "@/lib/domain/scope.ts";

export const dynamic = "force-dynamic";

const body = z.object({ search: z.string().max(4000, "a scope query is at most 4000 characters") });

// Remembers the scope the person just chose on the home page (any signed-in person, for themselves only).
// The query is stored in its canonical form; one Uptrust cannot read is refused with what is wrong in it.
export async function PUT(req: Request) {
  const user = await gateRoute(req, "viewer");
  if (user instanceof Response) return user;
  const parsed = body.safeParse(await req.json().catch(() => undefined));
  if (!parsed.success) return Response.json({ error: `send {"search": "cluster=…&ns=…"}: ${parsed.error.issues[0]?.message}` }, { status: 400 });
  const { scope, problems } = parseScope(new URLSearchParams(parsed.data.search));
  if (problems.length) return Response.json({ error: `this scope cannot be remembered: ${problems.join("; ")}` }, { status: 400 });
  const search = scopeSearch(scope).toString();
  await saveScope(user.id, search);
  return Response.json({ search });
}
