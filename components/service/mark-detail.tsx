import Link from "next/link";
import type { ServiceMark } from "@/lib/views/service.ts";
import { formatUtcSeconds } from "../format.ts";
import { EntryDetail } from "../timeline/entry-detail.tsx";
import { Badge, severityTone, statusTone } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";

// What a mark on the axis stands for. A change shows its diff as the incident timeline does (the same
// component) and the field manager that wrote it: who to ask, not who to blame.
export function MarkDetail({ mark }: { mark: ServiceMark }) {
  const when = `${formatUtcSeconds(mark.at)} UTC`;
  switch (mark.kind) {
    case "change":
      return (
        <div data-testid="mark-detail" data-kind="change">
          <div><strong>{mark.title}</strong></div>
          <div className={`${s.small} ${s.muted}`} data-testid="change-author">
            {mark.changeKind === "template" ? "pod template" : mark.changeKind} changed {when}
            {" · "}
            {mark.manager ? <>written by <span className={s.mono}>{mark.manager}</span></> : "the writer was not recorded"}
          </div>
          <EntryDetail entry={{ kind: "change", id: mark.id, ts: mark.at, title: mark.title, detail: { revision: mark.revision, before: mark.before, after: mark.after } }} />
        </div>
      );
    case "incident":
      return (
        <div data-testid="mark-detail" data-kind="incident">
          <div><Link href={`/incidents/${mark.id}`}><strong>{mark.title}</strong></Link></div>
          <div className={s.small}>
            <Badge tone={severityTone(mark.severity)}>{mark.severity}</Badge> <Badge tone={statusTone(mark.status)}>{mark.status}</Badge>{" "}
            <span className={s.muted}>began {when}{mark.until ? `, resolved ${formatUtcSeconds(mark.until)} UTC` : ", still open"}</span>
          </div>
        </div>
      );
    case "restart":
      return (
        <div data-testid="mark-detail" data-kind="restart">
          <div><strong>{mark.reason}</strong>: {mark.title}</div>
          <div className={`${s.small} ${s.muted}`}>{mark.until !== mark.at ? `from ${when} to ${formatUtcSeconds(mark.until)} UTC` : when}</div>
        </div>
      );
    case "event":
      return (
        <div data-testid="mark-detail" data-kind="event">
          <div>{mark.title}</div>
          <div className={`${s.small} ${s.muted}`}>
            {mark.object} · {mark.type} · first seen {when}{mark.count > 1 ? `, last ${formatUtcSeconds(mark.until)} UTC, ${mark.count}×` : ""}
          </div>
        </div>
      );
  }
}
