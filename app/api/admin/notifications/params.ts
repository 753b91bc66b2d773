import { z } from "zod";

export const problem = (status: number, error: string) => Response.json({ error }, { status });

// Channels are named by UUID, deliveries by a number (the outbox's sequence); each refusal shows the shape.
const ids = {
  channel: z.guid({ error: "The channel id must be a UUID (Admin → Notifications lists each channel)" }),
  "dead letter": z.string().regex(/^\d{1,18}$/, "The dead letter id must be a number (Admin → Notifications lists them)"),
};

export async function idFrom(ctx: { params: Promise<{ id: string }> }, what: keyof typeof ids): Promise<{ id: string } | { error: Response }> {
  const parsed = ids[what].safeParse((await ctx.params).id);
  return parsed.success ? { id: parsed.data } : { error: problem(400, parsed.error.issues[0]?.message ?? "bad id") };
}
