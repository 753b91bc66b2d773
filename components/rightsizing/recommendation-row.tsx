import Link from "next/link";
import { usageSourceText } from "@/lib/domain/usage-source.ts";
import { formatBytes, formatCpu } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";
import type { ContainerSuggestions } from "./group-recommendations.ts";
import { StrategyCell } from "./strategy-cell.tsx";
import { plural } from "@/lib/domain/plural.ts";

// One container, named with its cluster as SLO cards and incidents are (a fleet has many `shop/frontend`): what it
// asks for today, then KRR's and VPA's answers side by side.
export function RecommendationRowView({ group: g }: { group: ContainerSuggestions }) {
  const f = g.first;
  const sized = g.krr ?? g.vpa ?? f;
  return (
    <tr data-testid="recommendation-row">
      <td>
        <span className={s.muted} data-testid="recommendation-where">{f.cluster} · {f.namespace}/</span>{f.workload}<span className={s.muted}>/</span>{f.container}
        {f.hpa ? (
          <>
            {" "}
            <Badge tone="info" title={f.hpa.warning}>
              HPA {f.hpa.minReplicas}–{f.hpa.maxReplicas}{f.hpa.cpuTargetUtilization ? ` · CPU ${f.hpa.cpuTargetUtilization} %` : ""}
            </Badge>
          </>
        ) : null}
        <br />
        <span className={`${s.muted} ${s.small}`} data-testid="usage-source" title={sized.usage.note ?? undefined}>
          {usageSourceText(sized.usage.source, sized.basis.historyHours)}
        </span>
        <br />
        <Link href={`/rightsizing/${sized.id}`} className={s.small}>usage and evidence →</Link>
      </td>
      <td className={`${s.right} ${s.num}`}>
        {formatCpu(f.current.cpuMillis)}
        <br />
        {formatBytes(f.current.memoryRequestBytes)}
        <br />
        <span className={s.muted}>× {plural(f.replicas, "replica")}{f.hpa ? " now" : ""}</span>
      </td>
      <StrategyCell row={g.krr} />
      <StrategyCell row={g.vpa} />
    </tr>
  );
}
