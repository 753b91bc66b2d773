"use client";

import { useRef, useState, type PointerEvent } from "react";
import { axisTicks, panWindow, zoomWindow, type AxisWindow } from "@/lib/domain/service-window.ts";
import type { ServiceAxis, ServiceMark, ServiceMarkKind } from "@/lib/views/service.ts";
import { formatUtc, formatUtcSeconds } from "../format.ts";
import { AxisCharts } from "./axis-charts.tsx";
import a from "./service.module.css";

// The service page's one time axis: lanes of marks (changes, incidents, restarts, events) over a ruler, with
// replica health and SLO burn drawn against the same range below. Dragging across the lanes zooms to what
// was dragged over; a click picks a moment (the logs around it open below); a mark is a button that opens
// what it stands for. The buttons above zoom and pan by keyboard as well.

const LANES: { kind: ServiceMarkKind; label: string }[] = [
  { kind: "change", label: "Changes" },
  { kind: "incident", label: "Incidents" },
  { kind: "restart", label: "Restarts" },
  { kind: "event", label: "Events" },
];
const KIND_WORD: Record<ServiceMarkKind, string> = { change: "change", incident: "incident", restart: "restarts", event: "event" };

export type AxisProps = {
  axis: ServiceAxis;
  /** The cluster's newest report: "Now" shows the default range up to it. */
  asOf: string;
  selectedId: string | null;
  moment: string | null;
  loading?: boolean;
  onWindow: (w: AxisWindow) => void;
  onSelect: (mark: ServiceMark) => void;
  onMoment: (at: number) => void;
  onReset: () => void;
};

const untilOf = (m: ServiceMark) => (m.kind === "change" ? null : m.until);

function tickLabel(t: number, spanMs: number): string {
  const iso = new Date(t).toISOString();
  return spanMs > 24 * 3_600_000 ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
}

export function ServiceAxisView({ axis, asOf, selectedId, moment, loading, onWindow, onSelect, onMoment, onReset }: AxisProps) {
  const w = { from: Date.parse(axis.from), to: Date.parse(axis.to) };
  const span = w.to - w.from;
  const pct = (t: number) => Math.min(100, Math.max(0, ((t - w.from) / span) * 100));
  const overlay = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);

  const share = (e: PointerEvent) => {
    const r = overlay.current?.getBoundingClientRect();
    return r && r.width > 0 ? Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)) : 0.5;
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const s = share(e);
    setDrag({ start: s, end: s });
  };
  const up = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const end = share(e);
    setDrag(null);
    const [lo, hi] = [Math.min(drag.start, end), Math.max(drag.start, end)];
    if (hi - lo < 0.01) onMoment(Math.round(w.from + lo * span));
    else onWindow({ from: Math.round(w.from + lo * span), to: Math.round(w.from + hi * span) });
  };

  return (
    <div aria-busy={loading ? true : undefined}>
      <div className={a.toolbar} role="toolbar" aria-label="Time range">
        <button type="button" onClick={() => onWindow(panWindow(w, -0.5))}>◀ Earlier</button>
        <button type="button" onClick={() => onWindow(zoomWindow(w, 0.5))}>Zoom in</button>
        <button type="button" onClick={() => onWindow(zoomWindow(w, 2))}>Zoom out</button>
        <button type="button" onClick={() => onWindow(panWindow(w, 0.5))} disabled={w.to >= Date.parse(asOf)}>Later ▶</button>
        <button type="button" onClick={onReset}>Last 6 hours</button>
        <span className={a.range} data-testid="axis-range">
          {formatUtc(axis.from)} – {formatUtc(axis.to)}{loading ? " · loading…" : ""}
        </span>
      </div>
      <div className={a.axis}>
        <span />
        <div className={a.ruler} aria-hidden>
          {axisTicks(w).map((t) => <span key={t} className={a.tick} style={{ left: `${pct(t)}%` }}>{tickLabel(t, span)}</span>)}
        </div>
        <div
          ref={overlay}
          className={a.tracks}
          style={{ gridRow: "2 / span 4" }}
          data-testid="axis-tracks"
          title="Drag to zoom into a stretch of time; click to read the logs around a moment"
          onPointerDown={down}
          onPointerMove={(e) => drag && setDrag({ ...drag, end: share(e) })}
          onPointerUp={up}
          onPointerCancel={() => setDrag(null)}
        >
          {drag ? <div className={a.brush} style={{ left: `${Math.min(drag.start, drag.end) * 100}%`, width: `${Math.abs(drag.end - drag.start) * 100}%` }} /> : null}
          {moment ? <div className={a.moment} style={{ left: `${pct(Date.parse(moment))}%` }} data-testid="axis-moment" /> : null}
        </div>
        {LANES.map((lane, i) => {
          const marks = axis.marks.filter((m) => m.kind === lane.kind);
          return [
            <span key={`${lane.kind}-label`} className={a.laneLabel} style={{ gridRow: i + 2 }}>
              {lane.label}
              <b>{marks.length}</b>
            </span>,
            <div key={lane.kind} className={a.track} style={{ gridRow: i + 2, gridColumn: 2, pointerEvents: "none", zIndex: 1 }} role="group" aria-label={lane.label}>
              {marks.map((m) => {
                const until = untilOf(m);
                const left = pct(Date.parse(m.at));
                const width = until ? Math.max(0, pct(Date.parse(until)) - left) : 0;
                return (
                  <button
                    key={m.id}
                    type="button"
                    className={a.mark}
                    data-kind={m.kind}
                    data-testid="axis-mark"
                    data-warning={m.kind === "event" ? m.type === "Warning" : undefined}
                    aria-pressed={selectedId === m.id}
                    aria-label={`${KIND_WORD[m.kind]} at ${formatUtcSeconds(m.at)} UTC: ${m.title}`}
                    title={`${formatUtcSeconds(m.at)} UTC · ${m.title}`}
                    style={{ left: `${left}%`, width: width > 0 ? `calc(${width}% + 10px)` : undefined, pointerEvents: "auto" }}
                    onPointerDown={(e) => e.stopPropagation()}
                    onClick={() => onSelect(m)}
                  >
                    {m.title}
                  </button>
                );
              })}
            </div>,
          ];
        })}
        <AxisCharts axis={axis} />
      </div>
      {axis.omitted.length > 0 ? (
        <p className="muted" style={{ fontSize: 12 }}>
          {axis.omitted.map((o) => `${o.count} more ${KIND_WORD[o.kind]} marks`).join(", ")} in this range: zoom in to see them.
        </p>
      ) : null}
    </div>
  );
}
