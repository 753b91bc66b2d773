import type { MttrPoint } from "@/lib/db/queries/types.ts";
import { formatDuration } from "../format.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { MttrChart } from "./mttr-chart.tsx";

export function MttrPanel({ weeks }: { weeks: MttrPoint[] }) {
  const last = weeks.at(-1);
  return (
    <Panel
      title="MTTR trend"
      aside={last ? `last week: ${last.incidents} incidents · p50 ${formatDuration(last.p50Seconds)} · p90 ${formatDuration(last.p90Seconds)}` : undefined}
    >
      {weeks.length === 0 ? (
        <Empty>No resolved incidents yet, so there is no repair time to chart. The trend appears after the first incident resolves.</Empty>
      ) : (
        <MttrChart weeks={weeks} />
      )}
      <p className={s.definition}>
        MTTR = first failure signal → resolved, per week (minutes). p50 and p90 are shown beside the mean because a single long incident skews it.
      </p>
    </Panel>
  );
}
