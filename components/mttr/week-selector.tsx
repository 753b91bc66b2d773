"use client";

import { useRef, type KeyboardEvent } from "react";
import c from "../ui/controls.module.css";

export type WeekChoice = { weekStart: number; incidents: number };

const label = (weekStart: number) => new Date(weekStart).toISOString().slice(5, 10);

// The weeks of the MTTx charts as one radio group: a click, or the arrow keys once it has focus, picks the
// week whose incidents are listed below. One Tab stop (the chosen week), as a radio group should be.
export function WeekSelector({ weeks, selected, onSelect }: { weeks: WeekChoice[]; selected: number; onSelect: (weekStart: number) => void }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (e: KeyboardEvent, index: number) => {
    const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
    const to = e.key === "Home" ? 0 : e.key === "End" ? weeks.length - 1 : step ? (index + step + weeks.length) % weeks.length : -1;
    if (to < 0) return;
    e.preventDefault();
    buttons.current[to]?.focus();
    onSelect(weeks[to].weekStart);
  };
  return (
    <div role="radiogroup" aria-label="Week (starting Monday, UTC)" style={{ display: "flex", flexWrap: "wrap", gap: 4 }}>
      {weeks.map((w, i) => (
        <button
          key={w.weekStart}
          ref={(el) => { buttons.current[i] = el; }}
          type="button"
          role="radio"
          aria-checked={w.weekStart === selected}
          tabIndex={w.weekStart === selected ? 0 : -1}
          className={c.toggle}
          onClick={() => onSelect(w.weekStart)}
          onKeyDown={(e) => move(e, i)}
        >
          {label(w.weekStart)} · {w.incidents} {w.incidents === 1 ? "incident" : "incidents"}
        </button>
      ))}
    </div>
  );
}
