import type { NotificationMessage } from "./message.ts";
import { pickChannels, type RoutableChannel, type RoutedSubject } from "./route.ts";
import {
  incidentTransitions, isOpen, sloTransitions, type IncidentNotice, type Notified, type SloNotice, type TransitionKind,
} from "./transitions.ts";

// From what is stored now to what must be sent: per subject its transitions, per transition the channels
// its route picks, each delivery keyed by channel + subject + transition number, so enqueueing the same
// plan twice (a restart, a second worker) inserts nothing new.

type Common = {
  id: string;
  title: string;
  cluster: string;
  namespace: string | null;
  /** "Deployment shop/checkout" */
  workload: string | null;
};

export type IncidentSubject = Common & {
  severity: string;
  status: string;
  owner: string | null;
  acknowledgedAt: number | null;
  detectedAt: number;
  resolvedAt: number | null;
  cause: string | null;
  last: Notified<IncidentNotice> | null;
};

export type SloSubject = Common & { paging: boolean; last: Notified<SloNotice> | null };

export type PlannedState = { subject: string; state: Notified<IncidentNotice> | Notified<SloNotice> };
export type PlannedDelivery = { channelId: string; dedupKey: string; subject: string; transition: string; message: NotificationMessage; shareLink: boolean };
export type Plan = { states: PlannedState[]; deliveries: PlannedDelivery[] };

// An SLO page is routed as a sev2: a fast burn is urgent, but not yet the outage a sev1 names.
export const SLO_PAGE_SEVERITY = "sev2";

export function planNotifications(
  incidents: readonly IncidentSubject[],
  slos: readonly SloSubject[],
  channels: readonly RoutableChannel[],
  baseUrl: string,
  now: number,
): Plan {
  const plan: Plan = { states: [], deliveries: [] };
  const add = (subject: string, routed: RoutedSubject, kind: TransitionKind, seq: number, message: NotificationMessage) => {
    for (const c of pickChannels(channels, routed)) {
      const shareLink = kind === "opened" && c.route?.shareLink === true;
      plan.deliveries.push({ channelId: c.id, dedupKey: `${c.id}:${subject}:${kind}:${seq}`, subject, transition: kind, message, shareLink });
    }
  };
  for (const i of incidents) {
    const subject = `incident:${i.id}`;
    const acknowledged = i.acknowledgedAt !== null;
    const { transitions, next } = incidentTransitions({ status: i.status, severity: i.severity, acknowledged }, i.last);
    if (next) plan.states.push({ subject, state: next });
    const routed = { cluster: i.cluster, namespace: i.namespace, severity: i.severity, owner: i.owner };
    for (const t of transitions) {
      const stamps: Partial<Record<TransitionKind, number | null>> = { opened: i.detectedAt, acknowledged: i.acknowledgedAt, resolved: i.resolvedAt };
      const at = stamps[t.kind] ?? now;
      add(subject, routed, t.kind, t.seq, {
        subject, kind: t.kind, title: i.title, severity: i.severity, status: i.status, cluster: i.cluster, workload: i.workload,
        cause: i.cause, url: `${baseUrl}/incidents/${i.id}`, shareUrl: null, at: new Date(at).toISOString(),
      });
    }
  }
  const openOn = new Set(incidents.filter((i) => isOpen(i.status)).map((i) => `${i.cluster}/${i.workload}`));
  for (const s of slos) {
    const subject = `slo:${s.id}`;
    const { transitions, next } = sloTransitions({ paging: s.paging }, s.last);
    // One trouble, one page: an SLO that starts paging while its workload's incident is open (Uptrust opens one from
    // the same fast burn) is told by that incident, as Alertmanager's inhibition would, and its recovery is not told
    // either. The state remembers that it was not told, so a page that was sent always has its recovery sent.
    const leftToIncident = s.paging ? s.workload !== null && openOn.has(`${s.cluster}/${s.workload}`) : s.last?.told === false;
    if (next) plan.states.push({ subject, state: s.paging ? { ...next, told: !leftToIncident } : { paging: next.paging, seq: next.seq } });
    if (leftToIncident) continue;
    const routed = { cluster: s.cluster, namespace: s.namespace, severity: SLO_PAGE_SEVERITY, owner: null };
    for (const t of transitions) {
      add(subject, routed, t.kind, t.seq, {
        subject, kind: t.kind, title: s.title, severity: SLO_PAGE_SEVERITY, status: s.paging ? "paging" : "ok", cluster: s.cluster,
        workload: s.workload, cause: null, url: `${baseUrl}/slos/${s.id}`, shareUrl: null, at: new Date(now).toISOString(),
      });
    }
  }
  return plan;
}
