import { formatUtcSeconds } from "@/components/format.ts";
import type { AuditEntry } from "@/lib/auth/admin-views.ts";
import s from "../ui/styles.module.css";
import { compactDetail } from "./compact-detail.ts";

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <table className={s.table}>
      <thead>
        <tr><th>time (UTC)</th><th>who</th><th>action</th><th>target</th><th>detail</th></tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid="audit-row">
            <td className={s.num} style={{ whiteSpace: "nowrap" }}>{formatUtcSeconds(e.at)}</td>
            <td data-testid="audit-who">{e.who ?? <span className={s.muted}>Uptrust</span>}</td>
            <td className={s.mono} data-testid="audit-action">{e.action}</td>
            <td className={s.mono} data-testid="audit-target">{e.target}</td>
            <td className={`${s.mono} ${s.muted}`} title={JSON.stringify(e.detail)}>{compactDetail(e.detail)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
