import Link from "next/link";
import { connection } from "next/server";
import { UnmatchedAlerts } from "@/components/alerts/unmatched-alerts.tsx";
import { ClusterCard } from "@/components/cockpit/cluster-card.tsx";
import c from "@/components/cockpit/cockpit.module.css";
import { formatDuration } from "@/components/format.ts";
import { Empty } from "@/components/ui/panel.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { listUnmatchedAlerts } from "@/lib/db/alerts/list-unmatched-alerts.ts";
import { getCockpit } from "@/lib/db/queries/get-cockpit.ts";
import { fleetHeadline } from "@/lib/domain/cluster-summary.ts";
import { EVERYTHING } from "@/lib/domain/scope.ts";

// Every cluster with the same summary the home page's strip gives, trouble first; each card opens the
// home page scoped to its cluster. Admins also see the Alertmanager alerts Uptrust could place on no workload.
export default async function ClustersPage() {
  await connection();
  const user = await gatePage("/clusters");
  const [{ summaries }, unmatched] = await Promise.all([getCockpit(EVERYTHING), user.role === "admin" ? listUnmatchedAlerts(new Date()) : null]);
  return (
    <>
      <div className={s.page}>
        <p className={s.back}><Link href="/">← Cockpit</Link></p>
        <h1 style={{ fontSize: 18, margin: "6px 0" }}>Clusters</h1>
        <p className={c.headline} data-testid="clusters-headline">{fleetHeadline(summaries, formatDuration)}</p>
        {summaries.length === 0 ? (
          <Empty>No cluster has reported yet: register one with npm run cluster:register, and Uptrust summarizes it once ingest connects.</Empty>
        ) : (
          <div className={c.overview}>
            {summaries.map((x) => <ClusterCard key={x.cluster} summary={x} />)}
          </div>
        )}
        {unmatched ? <UnmatchedAlerts alerts={unmatched} /> : null}
      </div>
    </>
  );
}
