"use client";

import { GROUP_LABEL, type TimelineGroup } from "@/lib/domain/timeline-filter.ts";
import t from "./timeline.module.css";

type Props = {
  counts: readonly { group: TimelineGroup; count: number }[];
  total: number;
  /** The groups picked; none means every kind shows. */
  shown: readonly TimelineGroup[];
  onToggle: (group: TimelineGroup) => void;
  onAll: () => void;
};

// One chip per kind the timeline holds, each with its count; pressed chips are what shows. Picking
// "changes" on an unfiltered timeline shows changes only; "all kinds" clears the filter.
export function TimelineFilter({ counts, total, shown, onToggle, onAll }: Props) {
  const chips = [...counts, ...shown.filter((g) => !counts.some((c) => c.group === g)).map((group) => ({ group, count: 0 }))];
  return (
    <div className={t.filter} role="group" aria-label="Show kinds of entries">
      <span className={t.filterLabel}>show</span>
      <button type="button" className={t.chip} aria-pressed={shown.length === 0} onClick={onAll}>
        all kinds <span className={t.count}>{total}</span>
      </button>
      {chips.map(({ group, count }) => (
        <button key={group} type="button" className={t.chip} aria-pressed={shown.includes(group)} data-group={group} onClick={() => onToggle(group)}>
          {GROUP_LABEL[group]} <span className={t.count}>{count}</span>
        </button>
      ))}
    </div>
  );
}
