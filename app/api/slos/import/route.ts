import { z } from "zod";
import { requireEditor } from "@/lib/auth/require-editor.ts";
import { importSloFile } from "@/lib/slo/define-slos.ts";

export const dynamic = "force-dynamic";

const MAX_BYTES = 512 * 1024;
const query = z.object({ cluster: z.string().min(1).max(253).optional() });

// Imports an OpenSLO v1 or Sloth file (the request body, as YAML); ?cluster= picks the cluster when a
// service name exists in several. All or nothing: problems name the line and field.
export async function POST(req: Request) {
  const user = await requireEditor();
  if (user instanceof Response) return user;
  const params = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!params.success) return Response.json({ error: "cluster must be a cluster name" }, { status: 400 });
  const text = await req.text();
  if (text.trim() === "") return Response.json({ error: "the body must be an OpenSLO or Sloth YAML file" }, { status: 400 });
  if (text.length > MAX_BYTES) return Response.json({ error: `an SLO file of ${text.length} bytes is larger than the ${MAX_BYTES} accepted` }, { status: 413 });
  const result = await importSloFile(text, params.data.cluster);
  if (!result.ok) return Response.json({ error: result.problems.join("\n"), problems: result.problems }, { status: 422 });
  return Response.json(result, { status: 200 });
}
