import type { ReactNode } from "react";
import { READY, type PanelState } from "./panel-state.ts";
import s from "./styles.module.css";

type PanelProps = {
  title: string;
  aside?: ReactNode;
  children?: ReactNode;
  id?: string;
  /** Loading, empty or error replace the children with a sentence in the same place; "ready" shows them. */
  state?: PanelState;
};

// Every cockpit panel: a titled region, and one way to say that its data is coming, missing or unreadable.
export function Panel({ title, aside, children, id, state = READY }: PanelProps) {
  const headingId = `${id ?? title.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <section className={s.panel} aria-labelledby={headingId} aria-busy={state.kind === "loading" || undefined} data-state={state.kind}>
      <div className={s.panelHead}>
        <h2 id={headingId}>{title}</h2>
        {aside ? <span className={s.panelAside}>{aside}</span> : null}
      </div>
      <PanelBody title={title} state={state}>{children}</PanelBody>
    </section>
  );
}

function PanelBody({ title, state, children }: { title: string; state: PanelState; children: ReactNode }) {
  if (state.kind === "loading") {
    return (
      <div role="status" className={s.loading} data-testid="panel-loading">
        <span className={s.srOnly}>Loading {title.toLowerCase()}…</span>
        <span className={s.skeleton} aria-hidden="true" />
        <span className={s.skeleton} aria-hidden="true" />
        <span className={s.skeleton} aria-hidden="true" />
      </div>
    );
  }
  if (state.kind === "empty") return <Empty>{state.message}</Empty>;
  if (state.kind === "error") {
    return (
      <p role="alert" className={s.panelError} data-testid="panel-error">
        {title} could not be read: {state.message}. Uptrust tries again on its own.
      </p>
    );
  }
  return <>{children}</>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className={s.empty} data-testid="panel-empty">{children}</p>;
}
