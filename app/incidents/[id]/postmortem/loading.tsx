import { Panel } from "@/components/ui/panel.tsx";
import s from "@/components/ui/styles.module.css";

export default function Loading() {
  return (
    <div className={s.page} aria-busy="true">
      <Panel title="Postmortem draft"><p className={s.empty} role="status">Assembling the draft from the incident record…</p></Panel>
    </div>
  );
}
