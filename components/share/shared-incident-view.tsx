"use client";

import type { SharedPage } from "@/lib/share/shared-page.ts";
import { formatUtc } from "../format.ts";
import { IncidentFactList, IncidentHeading } from "../incident/incident-facts.tsx";
import { ProbableCauses } from "../incident/probable-causes.tsx";
import { TimelinePanel } from "../incident/timeline-panel.tsx";
import s from "../ui/styles.module.css";
import { ImpactPanel } from "./impact-panel.tsx";
import { ShareGone } from "./share-gone.tsx";
import { ShareGoneError, useSharedPage } from "./use-shared-page.ts";

const VIEW_NOTE = {
  internal: "the incident as Uptrust's viewers see it",
  external: "pod and node names generalised, addresses, registries and log excerpts removed",
};

// One incident, read-only, for someone outside Uptrust. Nothing here links into the cockpit: the reader
// has no session, and the page must not send them (or their Referer) anywhere.
export function SharedIncidentView({ token, initialData }: { token: string; initialData: SharedPage }) {
  const { data, error } = useSharedPage(token, initialData);
  if (error instanceof ShareGoneError) return <ShareGone />;
  const { incident: view, expiresAt, sharedBy } = data;
  return (
    <>
      <div className={s.titleBar}>
        <span className={s.tagline}>shared incident · read-only</span>
        <span className={s.small} data-testid="share-meta">
          Shared by <b>{sharedBy}</b> · link expires <b>{formatUtc(expiresAt)}</b>
        </span>
      </div>
      <div className={s.page}>
        {error ? <p className={s.notice} role="status">Updates paused ({error.message}); the page tries again shortly.</p> : null}
        <IncidentHeading i={view.incident} />
        <IncidentFactList i={view.incident} />
        <p className={`${s.small} ${s.muted}`} data-testid="share-view">
          {view.view === "external" ? "External view" : "Internal view"}: {VIEW_NOTE[view.view]}.
          Times in UTC; the page updates every 15 s while the link is valid.
        </p>
        <div style={{ display: "grid", gap: 14 }}>
          <ImpactPanel view={view} />
          <ProbableCauses causes={view.causes} />
          <TimelinePanel timeline={view.timeline} />
        </div>
      </div>
    </>
  );
}
