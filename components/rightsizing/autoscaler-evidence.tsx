import type { Evidence } from "@/lib/views/recommendation-evidence.ts";
import { formatCpu, formatPercent } from "../format.ts";
import s from "../ui/styles.module.css";
import r from "./rightsizing.module.css";

// What the HorizontalPodAutoscaler scaling this workload makes of a new request.
export function AutoscalerEvidence({ hpa }: { hpa: NonNullable<Evidence["hpa"]> }) {
  return (
    <>
      <p className={s.explain} data-testid="hpa-warning">{hpa.warning}</p>
      <dl className={`${s.dl} ${s.num}`}>
        <dt>autoscaler</dt><dd>HorizontalPodAutoscaler {hpa.name}</dd>
        <dt>replicas</dt><dd>{hpa.minReplicas}–{hpa.maxReplicas} (running now: {hpa.currentReplicas ?? "–"})</dd>
        <dt>CPU target</dt><dd>{hpa.cpuTargetUtilization ? `${hpa.cpuTargetUtilization} % of the request` : "does not scale on CPU utilization"}</dd>
        <dt>median CPU usage</dt><dd>{formatCpu(hpa.medianCpuMillis ?? null)}</dd>
        <dt>utilization now</dt><dd>{hpa.utilizationNow == null ? "–" : formatPercent(hpa.utilizationNow, 0)}</dd>
        <dt>at the suggestion</dt><dd>{hpa.utilizationAfter == null ? "–" : formatPercent(hpa.utilizationAfter, 0)}{hpa.expectedReplicasAfter == null ? "" : ` → about ${hpa.expectedReplicasAfter} replicas`}</dd>
      </dl>
      <p className={r.formula}>Replicas the autoscaler would want = ⌈running replicas × utilization ÷ target⌉, within min and max (no change within 10 %).</p>
    </>
  );
}
