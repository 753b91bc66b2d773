"use client";

import { useMemo } from "react";
import { collapseRepeatedLogLines, type TimelineRow } from "@/lib/domain/repeated-log-lines.ts";
import { GROUP_LABEL, groupCounts, isShown, toggleGroup, type TimelineGroup } from "@/lib/domain/timeline-filter.ts";
import type { TimelineItem } from "@/lib/domain/timeline-entry.ts";
import { TimelineFilter } from "../timeline/timeline-filter.tsx";
import { TimelineRows } from "../timeline/timeline-rows.tsx";
import c from "../ui/controls.module.css";
import { Empty, Panel } from "../ui/panel.tsx";
import { plural } from "@/lib/domain/plural.ts";

/** The kinds a reader picked and how to change them; without it the timeline shows everything, unfiltered. */
export type TimelineFilterState = { shown: readonly TimelineGroup[]; setShown: (groups: TimelineGroup[]) => void; problems?: readonly string[] };

const rowKind = (row: TimelineRow) => (row.kind === "entry" ? row.entry.kind : "log");

// The incident's timeline, repeated log lines folded (the same rows on its page and on a shared page);
// on the incident page a responder also narrows it to the kinds they are asking about.
export function TimelinePanel({ timeline, filter }: { timeline: readonly TimelineItem[]; filter?: TimelineFilterState }) {
  const rows = useMemo(() => collapseRepeatedLogLines(timeline), [timeline]);
  const counts = useMemo(() => groupCounts(timeline), [timeline]);
  const shown = filter?.shown ?? [];
  const visible = rows.filter((r) => isShown(rowKind(r), shown));
  const entries = visible.reduce((n, r) => n + (r.kind === "entry" ? 1 : r.lines.length), 0);
  const folded = visible.filter((r) => r.kind === "repeated").length;
  const aside = [
    shown.length ? `${entries} of ${plural(timeline.length, "entry", "entries")}` : plural(timeline.length, "entry", "entries"),
    folded ? `repeated log lines folded into ${plural(folded, "row")}` : null,
    "times in UTC",
  ].filter(Boolean).join(" · ");

  if (timeline.length === 0) {
    return (
      <Panel title="Timeline" aside="times in UTC">
        <Empty>No timeline entries yet: the analyzer attaches changes, events and logs around the incident as it finds them.</Empty>
      </Panel>
    );
  }
  return (
    <Panel title="Timeline" aside={aside}>
      {filter ? (
        <TimelineFilter counts={counts} total={timeline.length} shown={shown}
          onToggle={(g) => filter.setShown(toggleGroup(shown, g, counts.map((x) => x.group)))} onAll={() => filter.setShown([])} />
      ) : null}
      {filter?.problems?.map((p) => <p key={p} className={c.error} role="status">{p}</p>)}
      {visible.length === 0 ? (
        <Empty>
          No {shown.map((g) => GROUP_LABEL[g]).join(" or ")} on this incident&apos;s timeline.{" "}
          <button type="button" className={c.action} onClick={() => filter?.setShown([])}>Show all kinds</button>
        </Empty>
      ) : (
        <TimelineRows rows={visible} />
      )}
    </Panel>
  );
}
