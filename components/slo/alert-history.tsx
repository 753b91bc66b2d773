import { formatSpan } from "@/lib/domain/burn-coverage.ts";
import type { AlertSpanView } from "@/lib/views/slo-history.ts";
import { formatBurn, formatUtc } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import { Empty } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { ruleName } from "./rule-name.ts";

// Every page and ticket the burn-rate rules raised in the window, newest first, with when it fired and
// cleared: the same rules the card judges, replayed minute by minute.
export function AlertHistory({ alerts, asOf }: { alerts: AlertSpanView[]; asOf: string }) {
  if (alerts.length === 0) return <Empty>No page or ticket fired in this window: no rule&apos;s two windows burned at its rate together.</Empty>;
  return (
    <table className={`${s.table} ${s.num}`} data-testid="alert-history">
      <thead><tr><th scope="col">alert</th><th scope="col">fired (UTC)</th><th scope="col">cleared (UTC)</th><th scope="col">lasted</th><th scope="col">fastest rule</th><th scope="col" className={s.right}>peak burn</th></tr></thead>
      <tbody>
        {[...alerts].reverse().map((a) => (
          <tr key={`${a.severity}-${a.from}`}>
            <td><Badge tone={a.severity === "page" ? "bad" : "warn"}>{a.severity}</Badge></td>
            <td>{formatUtc(a.from)}</td>
            <td>{a.to ? formatUtc(a.to) : <b>still firing</b>}</td>
            <td>{formatSpan(Date.parse(a.to ?? asOf) - Date.parse(a.from))}</td>
            <td>{ruleName(a)}</td>
            <td className={s.right}>{formatBurn(a.peakBurn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
