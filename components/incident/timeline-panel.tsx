import type { TimelineItem } from "@/lib/domain/timeline-entry.ts";
import { Timeline } from "../timeline/timeline-entry.tsx";
import { Empty, Panel } from "../ui/panel.tsx";

export function TimelinePanel({ timeline }: { timeline: TimelineItem[] }) {
  return (
    <Panel title="Timeline" aside={`${timeline.length} entries · times in UTC`}>
      {timeline.length === 0 ? (
        <Empty>No timeline entries yet: the analyzer attaches changes, events and logs around the incident as it finds them.</Empty>
      ) : (
        <Timeline entries={timeline} full />
      )}
    </Panel>
  );
}
