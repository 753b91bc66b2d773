import Link from "next/link";
import type { IncidentDetail, ProbableCauseItem } from "@/lib/views/incident.ts";
import { formatUtc } from "../format.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { plural } from "@/lib/domain/plural.ts";

const SOURCE: Record<string, string> = { change: "change", event: "event", log: "log", metric: "usage", node: "node" };

// What most likely caused the incident, each with the facts it rests on, so a responder can check the
// reasoning rather than trust it. The system is named, never a person.
export function ProbableCauses({ causes, related = [] }: { causes: ProbableCauseItem[]; related?: IncidentDetail["related"] }) {
  return (
    <Panel title="Probable causes" aside="most likely first · computed from the facts below">
      {related.length > 0 ? (
        <p className={s.small} data-testid="related-incidents">
          <b>The same cause hit {plural(related.length, "other workload")}:</b>{" "}
          {related.map((r, i) => (
            <span key={r.id}>{i > 0 ? ", " : ""}<Link href={`/incidents/${r.id}`}>{r.workload ?? r.title}</Link></span>
          ))}
        </p>
      ) : null}
      {causes.length === 0 ? (
        <Empty>No cause stands out in the facts Uptrust holds: no change, node, DNS, memory or CPU signal lines up with the onset.</Empty>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {causes.map((c, i) => (
            <li key={`${c.kind}-${i}`} style={{ marginBottom: 10 }} data-cause={c.kind}>
              <b>{c.title}</b> <span className={s.muted}>({c.kind}, {Math.round(c.score * 100)}% evidence strength)</span>
              <ul style={{ margin: "4px 0 0", paddingLeft: 18, fontSize: 12 }}>
                {c.evidence.map((e, k) => (
                  <li key={k}>
                    <span className={s.muted}>{SOURCE[e.source] ?? e.source}{e.ts ? ` · ${formatUtc(e.ts)}` : ""}:</span> <span style={{ overflowWrap: "anywhere" }}>{e.text}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
