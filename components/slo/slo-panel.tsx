import type { SloCardData } from "@/lib/views/slo.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { SloCard } from "./slo-card.tsx";
import { SloEditor } from "./slo-editor.tsx";

// The editor is left out for viewers: the server would refuse what they sent, so the form would only mislead.
export function SloPanel({ slos, canEdit }: { slos: SloCardData[]; canEdit: boolean }) {
  const paging = slos.filter((x) => x.status?.alert === "page").length;
  return (
    <Panel title="SLO burn" aside={`${slos.length} SLOs${paging ? ` · ${paging} paging` : ""} · hourly burn, last 24 cluster-hours`}>
      {slos.length === 0 ? (
        <Empty>No SLOs yet: the analyzer creates an availability SLO for each Deployment once it has seen one.</Empty>
      ) : (
        <div className={s.cards}>
          {slos.map((slo) => <SloCard key={slo.id} slo={slo} />)}
        </div>
      )}
      {canEdit ? <SloEditor /> : null}
    </Panel>
  );
}
