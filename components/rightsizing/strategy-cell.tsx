import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import { savingsText } from "@/lib/domain/savings-text.ts";
import { formatBytes, formatCpu, formatDuration } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";
import { PatchCopy } from "./patch-export.tsx";
import r from "./rightsizing.module.css";

// What a suggestion rests on, in a few words: the percentile and how much history.
export function basisText(row: RecommendationRow): string {
  const parts: string[] = [];
  if (row.basis.percentile !== null) parts.push(`p${row.basis.percentile}`);
  if (row.strategy === "vpa") parts.push("24 h half-life");
  if (row.basis.samples !== null) parts.push(`${row.basis.samples.toLocaleString("en-US")} samples`);
  if (row.basis.historyHours !== null) parts.push(`over ${formatDuration(row.basis.historyHours * 3600)}`);
  if (row.basis.oomBump) parts.push(row.strategy === "vpa" ? "OOM floor" : "OOM +25 %");
  return parts.join(" · ") || "–";
}

export function StrategyCell({ row }: { row: RecommendationRow | null }) {
  if (!row) return <td className={`${s.muted} ${r.cell}`}>–</td>;
  if (!row.enoughHistory) return <td className={`${s.muted} ${s.wrap} ${r.cell}`}>{row.note}</td>;
  return (
    <td className={`${s.num} ${r.cell}`} data-strategy={row.strategy}>
      <span className={r.sized}>{formatCpu(row.recommended.cpuMillis)} · {formatBytes(row.recommended.memoryRequestBytes)}</span>
      {row.held ? <> <Badge tone="warn" title={row.heldReason ?? undefined}>held</Badge></> : null}
      <br />
      <span className={s.muted}>{basisText(row)}</span>
      <br />
      <span data-testid="savings">{savingsText({ ...row.savings, monthly: row.monthly.total, currency: row.monthly.currency })}</span>
      {row.held ? <div className={r.held}>{row.heldReason}</div> : null}
      <br />
      <PatchCopy id={row.id} />
    </td>
  );
}
