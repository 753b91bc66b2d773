"use client";

import { useRef, useState, type PointerEvent } from "react";
import s from "./charts.module.css";

type Props = {
  /** Where each reading sits across the plot, 0 (left) to 1 (right), in ascending order. */
  at: readonly number[];
  /** What each reading says when the pointer is nearest it: strings, so a server-rendered chart may pass them, or (inside
   * a client tree) a function that words a reading only when it is pointed at. */
  texts: readonly string[] | ((index: number) => string);
};

// Names the reading nearest the pointer over a plain-SVG chart. The words are worked out on hover instead of
// written into the page as a <title> per reading: a pool card's ninety readings were four fifths of its SVG, and
// the cockpit draws six. The chart's table holds the same figures for anyone not pointing.
export function HoverReadout({ at, texts }: Props) {
  const area = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<number | null>(null);
  const move = (e: PointerEvent) => {
    const r = area.current?.getBoundingClientRect();
    if (!r || r.width <= 0 || at.length === 0) return;
    setShown(nearest(at, (e.clientX - r.left) / r.width));
  };
  const x = shown === null ? undefined : at[shown];
  return (
    <div ref={area} className={s.readoutArea} data-testid="hover-readout" onPointerMove={move} onPointerLeave={() => setShown(null)}>
      {shown !== null && x !== undefined ? (
        <>
          <span className={s.readoutLine} style={{ left: `${x * 100}%` }} />
          <span className={s.readout} style={{ left: `${x * 100}%`, transform: x > 0.5 ? "translateX(-100%)" : "none" }}>{typeof texts === "function" ? texts(shown) : texts[shown]}</span>
        </>
      ) : null}
    </div>
  );
}

/** The index of the reading nearest `x` (readings ascending): a binary search, as a card has hundreds. */
export function nearest(at: readonly number[], x: number): number {
  let lo = 0;
  let hi = at.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (at[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(at[hi] - x) < Math.abs(at[lo] - x) ? hi : lo;
}
