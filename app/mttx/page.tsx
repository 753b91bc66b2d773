import Link from "next/link";
import { connection } from "next/server";
import { METRIC_DEFINITIONS } from "@/components/mttr/mttx-series.ts";
import { formatDuration, formatUtc } from "@/components/format.ts";
import { Empty, Panel } from "@/components/ui/panel.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { getMttxIncidents } from "@/lib/db/queries/get-mttx-incidents.ts";

const time = (seconds: number | null) => (seconds === null ? "–" : formatDuration(seconds));

// The incidents behind the MTTx chart, each with its own times, so every p50, p90 and mean can be checked.
export default async function MttxPage() {
  await connection();
  await gatePage("/mttx");
  const { incidents } = await getMttxIncidents();
  return (
    <>
      <div className={s.page}>
        <p className={s.back}><Link href="/">← Cockpit</Link></p>
        <h1>MTTD, MTTA and MTTR</h1>
        <Panel title="Incidents behind the MTTx figures" aside={`${incidents.length} in the last 12 weeks · cancelled ones left out`}>
          <p className={s.definition}>{METRIC_DEFINITIONS.mttd} {METRIC_DEFINITIONS.mtta} {METRIC_DEFINITIONS.mttr}</p>
          {incidents.length === 0 ? (
            <Empty>No incident in the last 12 weeks.</Empty>
          ) : (
            <table className={`${s.table} ${s.num}`} data-testid="mttx-incidents">
              <thead><tr><th>started (UTC)</th><th>incident</th><th>service</th><th>severity</th><th className={s.right}>MTTD</th><th className={s.right}>MTTA</th><th className={s.right}>MTTR</th></tr></thead>
              <tbody>
                {incidents.map((i) => (
                  <tr key={i.id}>
                    <td>{formatUtc(i.startedAt)}</td>
                    <td className={s.wrap}><Link href={`/incidents/${i.id}`}>{i.title}</Link></td>
                    <td>{i.service ?? "–"}</td>
                    <td>{i.severity}</td>
                    <td className={s.right}>{time(i.seconds.mttd)}</td>
                    <td className={s.right}>{time(i.seconds.mtta)}</td>
                    <td className={s.right}>{time(i.seconds.mttr)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
    </>
  );
}
