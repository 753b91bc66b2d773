import { SHARE_HEADERS } from "@/lib/share/share-headers.ts";
import { SHARE_NOT_FOUND } from "@/lib/share/share-not-found.ts";
import { loadSharedPage } from "@/lib/share/shared-page.ts";

export const dynamic = "force-dynamic";

// Public by design (no gate): the token is the permission, checked on every request, so an open page
// stops updating the moment its link is revoked or expires. Every refusal is the same 404.
export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  const page = await loadSharedPage((await ctx.params).token, null);
  if (!page) return Response.json({ error: SHARE_NOT_FOUND }, { status: 404, headers: SHARE_HEADERS });
  return Response.json(page, { headers: SHARE_HEADERS });
}
