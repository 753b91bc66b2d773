import Link from "next/link";
import type { GuardrailFindingDetail } from "@/lib/db/queries/get-guardrail-finding.ts";
import { servicePath } from "@/lib/domain/service-ref.ts";
import { formatUtc } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import { Empty, Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";

// One guardrail finding with what the check read to reach it, so the verdict can be checked rather than
// trusted, and the rest of what was found on the same object.
export function FindingDetail({ detail }: { detail: GuardrailFindingDetail }) {
  const { finding: f, facts, siblings, score } = detail;
  return (
    <div className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      <div style={{ display: "flex", alignItems: "center", gap: 10, flexWrap: "wrap" }}>
        <h1 style={{ fontSize: 20, margin: "4px 0" }}>{f.target}</h1>
        <Badge tone={f.severity === "danger" ? "bad" : "warn"}>{f.severity}</Badge>
      </div>
      <dl className={`${s.dl} ${s.num}`} style={{ margin: "10px 0 16px" }}>
        <dt>check</dt><dd>{f.check}</dd>
        <dt>what to change</dt><dd>{f.message}</dd>
        <dt>cluster</dt><dd>{f.cluster}</dd>
        {detail.service ? <><dt>service</dt><dd><Link href={servicePath(detail.service)}>{detail.service.kind} {detail.service.namespace}/{detail.service.name}</Link></dd></> : null}
        <dt>first seen</dt><dd>{formatUtc(f.firstSeen)}</dd>
        {score ? (<><dt>namespace score</dt><dd>{score.score} ({score.passed} passed, {score.warnings} warnings, {score.dangers} dangers)</dd></>) : null}
      </dl>
      <Panel title="What the check read" aside={facts?.source}>
        {facts ? <pre style={{ fontSize: 12, overflowX: "auto" }} data-testid="finding-facts">{JSON.stringify(facts.value, null, 2)}</pre> : <Empty>The object this finding is about is no longer stored.</Empty>}
      </Panel>
      <Panel title="Also found here" aside={`${siblings.length} more`}>
        {siblings.length === 0 ? (
          <Empty>Nothing else.</Empty>
        ) : (
          <table className={s.table}>
            <tbody>
              {siblings.map((x) => (
                <tr key={x.id}>
                  <td><Badge tone={x.severity === "danger" ? "bad" : "warn"}>{x.severity}</Badge></td>
                  <td><Link href={`/guardrails/${x.id}`}>{x.target}</Link></td>
                  <td>{x.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
