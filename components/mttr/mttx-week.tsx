import Link from "next/link";
import type { MttxIncidentRow } from "@/lib/db/queries/get-mttx-incidents.ts";
import { countedBy, type MttxWeek as Week } from "@/lib/domain/mttx-weeks.ts";
import { MTTX_METRICS } from "@/lib/domain/mttx.ts";
import { formatDuration, formatUtc } from "../format.ts";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { METRIC_LABELS } from "./mttx-series.ts";
import m from "./mttx.module.css";

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

// One week's figures and the incidents they are computed from, each with its own times, so every p50,
// mean and p90 on the chart can be checked by hand.
export function MttxWeek({ week, incidents }: { week: Week; incidents: MttxIncidentRow[] }) {
  return (
    <div id="week" style={{ marginTop: 16 }}>
      <Panel title={`Week of ${day(week.weekStart)}`} id="week" aside={`${incidents.length} ${incidents.length === 1 ? "incident" : "incidents"} started Monday ${day(week.weekStart)} – Sunday ${day(week.weekStart + 6 * 86_400_000)} (UTC)`}>
        <div className={m.figures} data-testid="week-figures">
          {MTTX_METRICS.map((metric) => {
            const f = week.figures[metric];
            return (
              <p key={metric} className={m.figure} data-metric={metric}>
                {METRIC_LABELS[metric]}{" "}
                {f ? (
                  <><b>{formatDuration(f.p50Seconds)}</b> p50 · mean {formatDuration(f.meanSeconds)} · p90 {formatDuration(f.p90Seconds)} <span className={s.muted}>over {f.incidents}</span></>
                ) : (
                  <span className={s.muted}>no incident with a {METRIC_LABELS[metric]} this week</span>
                )}
              </p>
            );
          })}
        </div>
        {incidents.length === 0 ? (
          <Empty>No incident started this week.</Empty>
        ) : (
          <table className={`${s.table} ${s.num}`} data-testid="mttx-incidents">
            <thead><tr><th scope="col">started (UTC)</th><th scope="col">incident</th><th scope="col">service</th><th scope="col">severity</th><th scope="col">status</th><th scope="col" className={s.right}>MTTD</th><th scope="col" className={s.right}>MTTA</th><th scope="col" className={s.right}>MTTR</th></tr></thead>
            <tbody>
              {incidents.map((i) => (
                <tr key={i.id}>
                  <td>{formatUtc(i.startedAt)}</td>
                  <td className={s.wrap}><Link href={`/incidents/${i.id}`}>{i.title}</Link></td>
                  <td>{i.service ?? "–"}</td>
                  <td>{i.severity}</td>
                  <td>{i.status}</td>
                  {MTTX_METRICS.map((metric) => (
                    <td key={metric} className={s.right} title={countedBy(metric, i.times) ? undefined : `not counted in ${METRIC_LABELS[metric]}: ${metric === "mtta" ? "not acknowledged" : "not resolved"} yet`}>
                      {i.seconds[metric] === null ? "–" : formatDuration(i.seconds[metric]!)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
