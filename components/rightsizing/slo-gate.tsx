import type { RightsizingDetail } from "@/lib/views/rightsizing.ts";
import { formatBurn, formatUtc } from "../format.ts";
import { Badge } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";

// The SLO gate: the burn rates a hold is decided from, so a hold (or its absence) can be checked.
export function SloGate({ slos }: { slos: RightsizingDetail["slos"] }) {
  if (slos.length === 0) return <p className={s.explain}>No SLO is defined for this workload, so nothing holds a downsizing back.</p>;
  return (
    <table className={s.table}>
      <thead>
        <tr><th scope="col">SLO</th><th scope="col" className={s.right}>burn 1 h</th><th scope="col" className={s.right}>burn 6 h</th><th scope="col">gate</th><th scope="col">as of</th></tr>
      </thead>
      <tbody>
        {slos.map((o) => {
          const burning = Math.max(o.burnRate1h ?? 0, o.burnRate6h ?? 0) > 1;
          return (
            <tr key={o.name}>
              <td>{o.name}</td>
              <td className={`${s.right} ${s.num}`}>{formatBurn(o.burnRate1h)}</td>
              <td className={`${s.right} ${s.num}`}>{formatBurn(o.burnRate6h)}</td>
              <td>{burning ? <Badge tone="warn">holds downsizing</Badge> : <Badge tone="ok">open</Badge>}</td>
              <td className={s.muted}>{formatUtc(o.computedAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
