import Link from "next/link";
import { utcFieldValue, type AuditFilter } from "@/lib/domain/audit-filter.ts";
import c from "../ui/controls.module.css";
import s from "../ui/styles.module.css";

// Kinds of lines the log holds, offered as you type; any other start of an action name works too.
const ACTION_PREFIXES = ["sign-in", "refresh.", "session.", "role.change", "slo.", "incident.", "share."];

// A plain GET form: the filters live in the URL, so a view can be bookmarked or sent to a colleague.
// A time in effect is shown as the field writes it (a day becomes its midnight); a refused one as it was sent.
// One height for text and date fields, so the labels above them line up.
const field = { height: 28, boxSizing: "border-box" } as const;

export function AuditFilters({ filter, raw }: { filter: AuditFilter; raw: Record<string, string | undefined> }) {
  const value = (key: "from" | "to") => (filter[key] ? utcFieldValue(filter[key]) : (raw[key] ?? ""));
  return (
    <form method="get" action="/admin/audit" aria-label="Filter the audit log" style={{ display: "flex", gap: 10, flexWrap: "wrap", alignItems: "end", fontSize: 12, margin: "8px 0 12px" }}>
      <label className={s.muted}>action starts with<br />
        <input className={c.field} style={field} name="action" list="audit-actions" placeholder="session." defaultValue={raw.action ?? ""} size={16} />
      </label>
      <datalist id="audit-actions">{ACTION_PREFIXES.map((a) => <option key={a} value={a} />)}</datalist>
      <label className={s.muted}>user (email, by or about them)<br />
        <input className={c.field} style={field} name="user" placeholder="viewer@uptrust.dev" defaultValue={raw.user ?? ""} size={24} />
      </label>
      <label className={s.muted}>from (UTC)<br />
        <input className={c.field} style={field} name="from" type="datetime-local" step={1} defaultValue={value("from")} />
      </label>
      <label className={s.muted}>to (UTC, not included)<br />
        <input className={c.field} style={field} name="to" type="datetime-local" step={1} defaultValue={value("to")} />
      </label>
      <button type="submit" className={c.action} style={field}>Filter</button>
      <Link href="/admin/audit" className={s.small}>Clear</Link>
    </form>
  );
}
