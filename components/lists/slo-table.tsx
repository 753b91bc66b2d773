import Link from "next/link";
import { coverageText, type BurnLine } from "@/lib/domain/burn-coverage.ts";
import { servicePath } from "@/lib/domain/service-ref.ts";
import { sloState } from "@/lib/domain/slo-order.ts";
import type { SloCardData } from "@/lib/views/slo.ts";
import { formatBurn, formatPercent, formatUtc } from "../format.ts";
import { objectiveText } from "../slo/objective.ts";
import s from "../ui/styles.module.css";
import l from "./lists.module.css";
import { ListTable } from "./list-table.tsx";
import { SloStateBadge } from "./slo-state-badge.tsx";

// A burn as the card shows it, with how much of its window the history covers on hover.
function Burn({ lines, label, rate }: { lines: readonly BurnLine[]; label: string; rate: number }) {
  const line = lines.find((x) => x.label === label);
  return <td className={`${s.right} ${s.num}`} title={line ? `history ${coverageText(line)}` : undefined}>{formatBurn(rate)}</td>;
}

// PromQL SLOs report their own ratio, not a budget or burn (the card shows their explanation instead).
const noFigure = (why: string) => <td className={`${s.right} ${s.muted}`} title={why}>–</td>;

function SloRow({ slo }: { slo: SloCardData }) {
  const ev = slo.evaluation;
  const source = slo.sliSource;
  const state = sloState(slo);
  const why = ev.kind === "evaluated" ? "A PromQL SLO reports no error budget or burn rate" : "Not evaluated yet";
  return (
    <tr data-testid="slo-row" data-state={state}>
      <td><Link href={`/slos/${slo.id}`}>{slo.name}</Link></td>
      <td><Link href={servicePath({ cluster: slo.cluster, ...slo.workload })}>{slo.workload.namespace}/{slo.workload.name}</Link></td>
      <td>{slo.cluster}</td>
      <td className={s.wrap}>{objectiveText(slo)}</td>
      <td>
        <SloStateBadge state={state} />
        {source.kind === "failing" ? (
          <span className={l.stale} title={source.message} data-testid="not-measured">not measured since {formatUtc(source.since)}</span>
        ) : null}
      </td>
      {ev.kind === "evaluated" && slo.indicator !== "promql" ? (
        <>
          <td className={`${s.right} ${s.num}`}>{formatPercent(ev.budgetRemaining)}</td>
          <Burn lines={ev.lines} label="1h" rate={ev.burnRate1h} />
          <Burn lines={ev.lines} label="6h" rate={ev.burnRate6h} />
        </>
      ) : (
        <>{noFigure(why)}{noFigure(why)}{noFigure(why)}</>
      )}
    </tr>
  );
}

const COLUMNS = [
  { label: "SLO" }, { label: "workload" }, { label: "cluster" }, { label: "objective" }, { label: "state" },
  { label: "error budget left", right: true }, { label: "burn 1h", right: true }, { label: "burn 6h", right: true },
];

export function SloTable({ slos }: { slos: readonly SloCardData[] }) {
  return (
    <ListTable testId="slo-table" columns={COLUMNS}>
      {slos.map((slo) => <SloRow key={slo.id} slo={slo} />)}
    </ListTable>
  );
}
