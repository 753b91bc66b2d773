import type { RecommendationRow } from "@/lib/db/queries/types.ts";
import { formatBytes, formatCpu, formatDuration, formatSavings } from "../format.ts";
import s from "../ui/styles.module.css";

function basisText(r: RecommendationRow): string {
  const parts: string[] = [];
  if (r.basis.percentile !== null) parts.push(`p${r.basis.percentile}`);
  if (r.basis.samples !== null) parts.push(`${r.basis.samples.toLocaleString("en-US")} samples`);
  if (r.basis.historyHours !== null) parts.push(`over ${formatDuration(r.basis.historyHours * 3600)}`);
  if (r.basis.oomBump) parts.push("OOM +25 %");
  return parts.join(" · ") || "–";
}

export function RecommendationRowView({ row: r }: { row: RecommendationRow }) {
  return (
    <tr data-testid="recommendation-row">
      <td>
        <span className={s.muted}>{r.namespace}/</span>{r.workload}<span className={s.muted}>/</span>{r.container}
      </td>
      {r.enoughHistory ? (
        <>
          <td className={`${s.right} ${s.num}`}>{formatCpu(r.current.cpuMillis)} → <b>{formatCpu(r.recommended.cpuMillis)}</b></td>
          <td className={`${s.right} ${s.num}`}>{formatBytes(r.current.memoryRequestBytes)} → <b>{formatBytes(r.recommended.memoryRequestBytes)}</b></td>
        </>
      ) : (
        <td colSpan={2} className={`${s.right} ${s.muted} ${s.wrap}`}>{r.note}</td>
      )}
      <td className={`${s.muted} ${s.num}`}>{basisText(r)}</td>
      <td className={`${s.right} ${s.num}`}>
        {r.enoughHistory ? (
          <>
            {formatSavings(r.savings.cpuCores, "cores")}
            <br />
            {formatSavings(r.savings.memoryGiB, "GiB")}
          </>
        ) : (
          <span className={s.muted}>not enough history</span>
        )}
      </td>
    </tr>
  );
}
