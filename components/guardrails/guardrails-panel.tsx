import Link from "next/link";
import type { GuardrailsView } from "@/lib/views/guardrails.ts";
import { formatUtc } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";

// Polaris-style scores per cluster and namespace, and the findings that cost the most, each saying
// what to change. The score's formula is printed under it, as every derived figure's should be.
export function GuardrailsPanel({ view }: { view: GuardrailsView }) {
  const clusterScores = view.scores.filter((x) => x.namespace === "");
  return (
    <Panel title="Guardrails" aside={view.totalFindings ? `${view.totalFindings} findings · showing ${view.findings.length}` : undefined}>
      {view.scores.length === 0 ? (
        <Empty>No check yet: Uptrust checks every workload and RBAC object once ingest has listed them.</Empty>
      ) : (
        <>
          <ul className={s.chips} aria-label="Guardrail scores" style={{ listStyle: "none", margin: "0 0 10px", padding: 0 }}>
            {clusterScores.map((c) => (
              <li key={c.cluster} className={s.chip} data-testid="guardrail-score">
                <strong>{c.cluster}</strong> score {c.score} · {c.dangers} danger · {c.warnings} warning
              </li>
            ))}
            {view.scores
              .filter((x) => x.namespace !== "")
              .map((n) => (
                <li key={`${n.cluster}/${n.namespace}`} className={s.chip}>
                  {n.namespace} {n.score}
                </li>
              ))}
          </ul>
          <table className={s.table}>
            <thead>
              <tr>
                <th scope="col">severity</th>
                <th scope="col">where</th>
                <th scope="col">what to change</th>
                <th scope="col">since</th>
              </tr>
            </thead>
            <tbody>
              {view.findings.map((f) => (
                <tr key={f.id} data-testid="guardrail-finding">
                  <td>
                    <Badge tone={f.severity === "danger" ? "bad" : "warn"}>{f.severity}</Badge>
                  </td>
                  <td><Link href={`/guardrails/${f.id}`}>{f.target}</Link></td>
                  <td>{f.message}</td>
                  <td className={s.muted}>{formatUtc(f.firstSeen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className={s.definition}>Score = 2·passed ÷ (2·passed + warnings + 2·dangers) × 100, over every check of every workload and RBAC object (Polaris).</p>
    </Panel>
  );
}
