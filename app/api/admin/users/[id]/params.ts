import { parseUserId } from "@/lib/auth/admin-requests.ts";

export const problem = (status: number, error: string) => Response.json({ error }, { status });

// The admin user routes' one path parameter; a malformed id is a 400 that shows what an id looks like.
export async function userIdFrom(ctx: { params: Promise<{ id: string }> }): Promise<{ id: string } | { error: Response }> {
  const parsed = parseUserId((await ctx.params).id);
  return parsed.ok ? { id: parsed.value } : { error: problem(400, parsed.error) };
}
