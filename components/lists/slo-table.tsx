import Link from "next/link";
import { coverageText } from "@/lib/domain/burn-coverage.ts";
import { servicePath } from "@/lib/domain/service-ref.ts";
import { sloState } from "@/lib/domain/slo-order.ts";
import type { SloCardData } from "@/lib/views/slo.ts";
import { formatBurn, formatPercent, formatUtc } from "../format.ts";
import { objectiveText } from "../slo/objective.ts";
import s from "../ui/styles.module.css";
import l from "./lists.module.css";
import { SloStateBadge } from "./slo-state-badge.tsx";

// A burn as the card shows it, with how much of its window the history covers on hover.
function Burn({ slo, label, rate }: { slo: SloCardData; label: string; rate: number }) {
  const line = slo.status?.lines.find((x) => x.label === label);
  return <td className={`${s.right} ${s.num}`} title={line ? `history ${coverageText(line)}` : undefined}>{formatBurn(rate)}</td>;
}

// PromQL SLOs report their own ratio, not a budget or burn (the card shows their explanation instead).
const noFigure = (why: string) => <td className={`${s.right} ${s.muted}`} title={why}>–</td>;

function SloRow({ slo }: { slo: SloCardData }) {
  const st = slo.status;
  const state = sloState(slo);
  const budgeted = st !== null && slo.indicator !== "promql";
  const why = st ? "A PromQL SLO reports no error budget or burn rate" : "Not evaluated yet";
  return (
    <tr data-testid="slo-row" data-state={state}>
      <td><Link href={`/slos/${slo.id}`}>{slo.name}</Link></td>
      <td><Link href={servicePath({ cluster: slo.cluster, ...slo.workload })}>{slo.workload.namespace}/{slo.workload.name}</Link></td>
      <td>{slo.cluster}</td>
      <td className={s.wrap}>{objectiveText(slo)}</td>
      <td>
        <SloStateBadge state={state} />
        {slo.sourceError ? (
          <span className={l.stale} title={slo.sourceError.message} data-testid="not-measured">not measured since {formatUtc(slo.sourceError.since)}</span>
        ) : null}
      </td>
      {budgeted ? (
        <>
          <td className={`${s.right} ${s.num}`}>{formatPercent(st.budgetRemaining)}</td>
          <Burn slo={slo} label="1h" rate={st.burnRate1h} />
          <Burn slo={slo} label="6h" rate={st.burnRate6h} />
        </>
      ) : (
        <>{noFigure(why)}{noFigure(why)}{noFigure(why)}</>
      )}
    </tr>
  );
}

export function SloTable({ slos }: { slos: readonly SloCardData[] }) {
  return (
    <table className={s.table} data-testid="slo-table">
      <thead>
        <tr>
          <th scope="col">SLO</th>
          <th scope="col">workload</th>
          <th scope="col">cluster</th>
          <th scope="col">objective</th>
          <th scope="col">state</th>
          <th scope="col" className={s.right}>error budget left</th>
          <th scope="col" className={s.right}>burn 1h</th>
          <th scope="col" className={s.right}>burn 6h</th>
        </tr>
      </thead>
      <tbody>
        {slos.map((slo) => <SloRow key={slo.id} slo={slo} />)}
      </tbody>
    </table>
  );
}
