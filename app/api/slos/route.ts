import { requireEditor } from "@/lib/auth/require-editor.ts";
import { defineSlo } from "@/lib/slo/define-slos.ts";
import { formatIssues, sloForm } from "@/lib/slo/slo-spec.ts";
import { refuseCrossSite } from "@/lib/auth/cross-site.ts";

export const dynamic = "force-dynamic";

// Defines (or redefines) one SLO from the cockpit's form.
export async function POST(req: Request) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const user = await requireEditor();
  if (user instanceof Response) return user;
  const body: unknown = await req.json().catch(() => undefined);
  const parsed = sloForm.safeParse(body);
  if (!parsed.success) return Response.json({ error: formatIssues(parsed.error) }, { status: 400 });
  const result = await defineSlo(parsed.data);
  if (!result.ok) return Response.json({ error: result.problems.join("; "), problems: result.problems }, { status: 422 });
  return Response.json(result, { status: result.slos[0].created ? 201 : 200 });
}
