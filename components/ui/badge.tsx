import type { ReactNode } from "react";
import s from "./styles.module.css";

export type Tone = "bad" | "warn" | "ok" | "info" | "neutral";

export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={s.badge} data-tone={tone} title={title}>
      {children}
    </span>
  );
}

// Incident status → tone: open incidents are amber, red is left to the severity of real outages.
export function statusTone(status: string): Tone {
  if (status === "triage" || status === "investigating") return "warn";
  if (status === "mitigated") return "info";
  if (status === "resolved" || status === "closed") return "ok";
  return "neutral";
}

export function severityTone(severity: string): Tone {
  return severity === "sev1" ? "bad" : severity === "sev2" ? "warn" : "neutral";
}
