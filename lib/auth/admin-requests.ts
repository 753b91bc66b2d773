import { z } from "zod";
import type { Role } from "./rules.ts";

// What the admin routes accept. Each refusal is one sentence saying what to send instead.

const userId = z.guid({ error: "The user id must be a UUID such as 4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90 (Admin → Users links each user)" });

const roleChange = z.strictObject(
  { role: z.enum(["viewer", "responder", "admin"], { error: "role must be viewer, responder or admin" }) },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `only role may be sent, not ${issue.keys.join(", ")}` : 'send a JSON object such as {"role":"responder"}') },
);

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const first = (error: z.ZodError) => error.issues[0]?.message ?? "the request is not valid";

export function parseUserId(raw: unknown): Parsed<string> {
  const parsed = userId.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: first(parsed.error) };
}

export function parseRoleChange(body: unknown): Parsed<{ role: Role }> {
  const parsed = roleChange.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: first(parsed.error) };
}
