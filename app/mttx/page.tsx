import Link from "next/link";
import { connection } from "next/server";
import { z } from "zod";
import { MttxWeek } from "@/components/mttr/mttx-week.tsx";
import { MttxWeekCharts } from "@/components/mttr/mttx-week-charts.tsx";
import { Panel } from "@/components/ui/panel.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { getMttxIncidents } from "@/lib/db/queries/get-mttx-incidents.ts";
import { chosenWeek, incidentsOfWeek, mttxWeeks } from "@/lib/domain/mttx-weeks.ts";

// A week as the URL names it (its Monday, 2026-11-23); anything else opens the newest week with an incident.
const weekSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).transform((v) => Date.parse(`${v}T00:00:00Z`)).catch(Number.NaN);

// MTTD, MTTA and MTTR over twelve weeks, and the incidents behind the figures of the week chosen.
export default async function MttxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  await gatePage("/mttx");
  const { week } = await searchParams;
  const asked = weekSchema.parse(Array.isArray(week) ? week[0] : (week ?? ""));
  const { asOf, incidents } = await getMttxIncidents();
  const now = Date.parse(asOf);
  const weeks = mttxWeeks(incidents.map((i) => i.times), now);
  const selected = chosenWeek(weeks, Number.isNaN(asked) ? null : asked);
  const listed = incidentsOfWeek(incidents, (i) => i.times, selected, now);
  return (
    <>
      <div className={s.page}>
        <p className={s.back}><Link href="/">← Cockpit</Link></p>
        <h1 style={{ fontSize: 20, margin: "4px 0" }}>Time to detect, acknowledge and resolve</h1>
        <p className={s.definition}>Each chart says what it measures under it. p50 and p90 stand beside the mean because one long incident skews it; cancelled incidents are left out.</p>
        <Panel title="Per week, last 12 weeks" aside="choose a week (a bar or a button) to list its incidents">
          <MttxWeekCharts weeks={weeks} selected={selected} />
        </Panel>
        <MttxWeek week={weeks.find((w) => w.weekStart === selected)!} incidents={listed} />
      </div>
    </>
  );
}
