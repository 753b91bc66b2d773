import Link from "next/link";
import { servicePath } from "@/lib/domain/service-ref.ts";
import type { SharedIncident } from "@/lib/domain/shared-incident.ts";
import { formatDuration, formatUtc } from "../format.ts";
import { Badge, severityTone, statusTone } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";

type Facts = SharedIncident["incident"];

// A moment shown to the minute in UTC, with the exact instant kept for machines and tooltips.
function At({ iso }: { iso: string | null }) {
  return iso ? <time dateTime={iso} title={iso}>{formatUtc(iso)}</time> : <>not yet</>;
}

// The incident's name and its facts, as its page and a shared page both show them (times in UTC).

export function IncidentHeading({ i }: { i: Facts }) {
  return (
    <>
      <div style={{ display: "flex", alignItems: "center", gap: 10, flexWrap: "wrap" }}>
        <h1 style={{ fontSize: 20, margin: "4px 0" }}>{i.title}</h1>
        <Badge tone={severityTone(i.severity)}>{i.severity}</Badge>
        <Badge tone={statusTone(i.status)}>{i.status}</Badge>
      </div>
      {i.summary ? <p className={s.explain}>{i.summary}</p> : null}
    </>
  );
}

// `linkService`: signed-in pages link the workload to its service page (a shared page's reader has no session).
export function IncidentFactList({ i, linkService = false }: { i: Facts; linkService?: boolean }) {
  const workload = i.workload ? `${i.workload.namespace}/${i.workload.name} (${i.workload.kind})` : "–";
  return (
    <dl className={`${s.dl} ${s.num}`} style={{ margin: "10px 0 16px" }}>
      <dt>workload</dt><dd>{linkService && i.workload ? <Link href={servicePath({ cluster: i.cluster, ...i.workload })}>{workload}</Link> : workload} · {i.cluster}</dd>
      <dt>reason</dt><dd>{i.reason}</dd>
      {i.occurrences.count > 1 ? (
        <>
          <dt>occurred</dt>
          <dd data-testid="occurrences">{i.occurrences.count} times · first {formatUtc(i.occurrences.firstAt)} · last {formatUtc(i.occurrences.lastAt)}</dd>
        </>
      ) : null}
      <dt>started</dt><dd><At iso={i.startedAt} /></dd>
      <dt>detected</dt><dd><At iso={i.detectedAt} /> <span className={s.muted}>({formatDuration((Date.parse(i.detectedAt) - Date.parse(i.startedAt)) / 1000)} after the first signal)</span></dd>
      <dt>acknowledged</dt><dd><At iso={i.acknowledgedAt} /></dd>
      <dt>mitigated</dt><dd><At iso={i.mitigatedAt} /></dd>
      <dt>resolved</dt><dd><At iso={i.resolvedAt} /></dd>
      <dt>owner</dt><dd>{i.owner ?? "nobody yet"}</dd>
      <dt>{i.active ? "open for" : "time to resolve"}</dt><dd><b>{formatDuration(i.durationSeconds)}</b></dd>
    </dl>
  );
}
