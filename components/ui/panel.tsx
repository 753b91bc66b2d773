import type { ReactNode } from "react";
import s from "./styles.module.css";

export function Panel({ title, aside, children, id }: { title: string; aside?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = `${id ?? title.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <section className={s.panel} aria-labelledby={headingId}>
      <div className={s.panelHead}>
        <h2 id={headingId}>{title}</h2>
        {aside ? <span className={s.panelAside}>{aside}</span> : null}
      </div>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className={s.empty}>{children}</p>;
}
