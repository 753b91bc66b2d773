import { Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import l from "./incident-layout.module.css";

// What the incident page shows while the server reads it: the page's panels, each saying what is coming.
export function IncidentLoading() {
  return (
    <div className={s.page} aria-busy="true">
      <p className={`${s.small} ${s.muted}`} role="status">Loading the incident…</p>
      <div className={l.layout}>
        <div className={l.side}>
          <Panel title="Facts"><p className={s.empty}>Reading when it started, who responded and what it cost…</p></Panel>
          <Panel title="Respond"><p className={s.empty}>The moves this incident allows appear once it is loaded.</p></Panel>
        </div>
        <div className={l.main}>
          <Panel title="Probable causes"><p className={s.empty}>Weighing the evidence…</p></Panel>
          <Panel title="Timeline"><p className={s.empty}>Gathering changes, events and logs around the incident…</p></Panel>
        </div>
      </div>
    </div>
  );
}
