import Link from "next/link";
import type { IncidentListItem } from "@/lib/views/incident.ts";
import { formatDuration, formatUtc } from "../format.ts";
import { Badge, severityTone, statusTone } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";
import { ListTable } from "./list-table.tsx";

// One line per incident: where, how bad, where it stands, since when and for how long, and why it likely happened.
function IncidentRow({ incident: i }: { incident: IncidentListItem }) {
  return (
    <tr data-testid="incident-row" data-active={i.active} data-severity={i.severity}>
      <td className={s.wrap}><Link href={`/incidents/${i.id}`}>{i.title}</Link></td>
      <td>{i.cluster}</td>
      <td>{i.workload ? `${i.workload.namespace}/${i.workload.name}` : <span className={s.muted}>node</span>}</td>
      <td><Badge tone={severityTone(i.severity)}>{i.severity}</Badge></td>
      <td><Badge tone={statusTone(i.status)}>{i.status}</Badge></td>
      <td className={s.num}>{formatUtc(i.startedAt)}</td>
      <td className={`${s.right} ${s.num}`}>{i.active ? `open ${formatDuration(i.durationSeconds)}` : `took ${formatDuration(i.durationSeconds)}`}</td>
      <td className={s.wrap}>{i.likelyCause ?? <span className={s.muted}>none stands out</span>}</td>
    </tr>
  );
}

const COLUMNS = [
  { label: "incident" }, { label: "cluster" }, { label: "workload" }, { label: "severity" }, { label: "status" }, { label: "started" },
  { label: "age / duration", right: true }, { label: "likely cause" },
];

export function IncidentTable({ incidents }: { incidents: readonly IncidentListItem[] }) {
  return (
    <ListTable testId="incident-table" columns={COLUMNS}>
      {incidents.map((i) => <IncidentRow key={i.id} incident={i} />)}
    </ListTable>
  );
}
