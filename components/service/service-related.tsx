import Link from "next/link";
import { usageSourceText } from "@/lib/domain/usage-source.ts";
import type { GuardrailFindingRow } from "@/lib/views/guardrails.ts";
import type { RecommendationRow } from "@/lib/views/recommendation.ts";
import type { SloCardData } from "@/lib/views/slo.ts";
import { formatBytes, formatCpu, formatUtc } from "../format.ts";
import { formatPrice } from "../rightsizing/format-money.ts";
import { SloCard } from "../slo/slo-card.tsx";
import { Badge } from "../ui/badge.tsx";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import a from "./service.module.css";

// What Uptrust knows about the workload besides its history: its SLOs, right-sizing and guardrail findings,
// each one click from its own page.

export function ServiceSlos({ slos }: { slos: SloCardData[] }) {
  return (
    <Panel title="SLOs" id="service-slos">
      {slos.length === 0 ? <Empty>No SLO covers this workload.</Empty> : slos.map((slo) => <SloCard key={slo.id} slo={slo} />)}
    </Panel>
  );
}

export function ServiceRightsizing({ rows }: { rows: RecommendationRow[] }) {
  return (
    <Panel title="Right-sizing" id="service-rightsizing">
      {rows.length === 0 ? <Empty>No right-sizing suggestion for this workload yet.</Empty> : (
        <ul className={a.list}>
          {rows.map((r) => (
            <li key={r.id}>
              <Link href={`/rightsizing/${r.id}`}>{r.container}</Link>
              <span className={s.muted}>{r.strategy}</span>
              <span>
                CPU {formatCpu(r.current.cpuMillis)} → {formatCpu(r.recommended.cpuMillis)}, memory {formatBytes(r.current.memoryRequestBytes)} → {formatBytes(r.recommended.memoryRequestBytes)}
              </span>
              {r.monthly.total !== null ? <span className={s.muted}>{formatPrice(r.monthly.total, r.monthly.currency)} a month</span> : null}
              <span className={s.muted} data-testid="usage-source" title={r.usage.note ?? undefined}>
                {usageSourceText(r.usage.source, r.basis.historyHours)}
              </span>
              {r.held ? <Badge tone="warn" title={r.heldReason ?? undefined}>held</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function ServiceGuardrails({ findings }: { findings: GuardrailFindingRow[] }) {
  return (
    <Panel title="Guardrail findings" id="service-guardrails">
      {findings.length === 0 ? <Empty>Every guardrail check passes for this workload.</Empty> : (
        <ul className={a.list}>
          {findings.map((f) => (
            <li key={f.id}>
              <Badge tone={f.severity === "danger" ? "bad" : "warn"}>{f.severity}</Badge>
              <Link href={`/guardrails/${f.id}`}>{f.message}</Link>
              <span className={s.muted}>since {formatUtc(f.firstSeen)}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
