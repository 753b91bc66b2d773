import { z } from "zod";

// Pure: the audit log's filters and page position as they travel in the URL (Admin → Audit log is a plain
// GET form, so a filtered view can be bookmarked or pasted to a colleague).

export type AuditCursor = { at: number; id: bigint };

export type AuditFilter = {
  /** Actions starting with this, e.g. "session." or "role.change". */
  action?: string;
  /** Part of an email: the person who acted or the person acted on. */
  user?: string;
  /** from ≤ at < to, UTC. */
  from?: Date;
  to?: Date;
  /** Entries older than this one (the last of the previous page). */
  before?: AuditCursor;
};

export const AUDIT_PAGE_SIZE = 50;

// datetime-local inputs send "2026-12-06T09:30" with no zone; every time in Uptrust is UTC, so it is read as UTC.
const UTC_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?)?Z?$/;

const utcTime = (name: string) =>
  z
    .string()
    .trim()
    .transform((raw, ctx) => {
      const m = UTC_TIME.exec(raw);
      const at = m ? new Date(`${m[1]}T${m[2] ?? "00:00"}${m[3] ?? ":00"}Z`) : null;
      if (at && !Number.isNaN(at.getTime())) return at;
      ctx.addIssue({ code: "custom", message: `${name} must be a UTC time such as 2026-12-06T09:30 or a day such as 2026-12-06` });
      return z.NEVER;
    });

const cursor = z
  .string()
  .regex(/^\d{1,15}-\d{1,19}$/, "before must be the position a page link gave (such as 1796549400000-42); open the first page instead")
  .transform((raw): AuditCursor => {
    const [at, id] = raw.split("-");
    return { at: Number(at), id: BigInt(id) };
  });

const schema = z
  .object({
    action: z.string().trim().max(100, "action must be at most 100 characters").regex(/^[\w.:-]*$/, "action must be the start of an action name such as session. or role.change").optional(),
    user: z.string().trim().max(254, "user must be at most 254 characters (an email or part of one)").optional(),
    from: utcTime("from").optional(),
    to: utcTime("to").optional(),
    before: cursor.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: "from must be earlier than to", path: ["from"] });

type Query = Record<string, string | string[] | undefined>;

const firstValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The filter a URL asks for, or the sentences saying which parts to fix. Empty fields mean "any". */
export function parseAuditFilter(query: Query): { ok: true; filter: AuditFilter } | { ok: false; problems: string[] } {
  const raw = Object.fromEntries(
    (["action", "user", "from", "to", "before"] as const).map((k) => [k, firstValue(query[k])?.trim() || undefined]),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
  const filter = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined && v !== "")) as AuditFilter;
  return { ok: true, filter };
}

export function auditCursor(entry: { at: Date; id: bigint | string }): string {
  return `${entry.at.getTime()}-${entry.id}`;
}

/** A time as the form's datetime-local field shows it: UTC without the zone, seconds only when set. */
export function utcFieldValue(d: Date): string {
  return d.toISOString().replace(/Z$/, "").replace(/\.000$/, "").replace(/(T\d{2}:\d{2}):00$/, "$1");
}

/** The URL of a page of the audit log under the same filters; `before` moves to older entries. */
export function auditPageHref(filter: AuditFilter, before?: string): string {
  const q = new URLSearchParams();
  if (filter.action) q.set("action", filter.action);
  if (filter.user) q.set("user", filter.user);
  if (filter.from) q.set("from", utcFieldValue(filter.from));
  if (filter.to) q.set("to", utcFieldValue(filter.to));
  if (before) q.set("before", before);
  const s = q.toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}
