"use client";

import { Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { CreateShareLink } from "./create-share-link.tsx";
import { ShareLinkTable } from "./share-link-table.tsx";
import { useShareLinks } from "./use-share-links.ts";

// Everyone signed in sees the incident's links; responders and admins make them (and revoke their own,
// admins any). Viewers get no control they could not use.
export function SharePanel({ incidentId, canCreate }: { incidentId: string; canCreate: boolean }) {
  const links = useShareLinks(incidentId);
  return (
    <Panel title="Share" aside="a read-only page for someone outside Uptrust: it expires, can be revoked, and every open is recorded">
      {canCreate ? <CreateShareLink incidentId={incidentId} /> : null}
      {links.error ? <p className={s.notice} role="status">The links could not be loaded ({links.error.message}).</p> : null}
      <ShareLinkTable links={links.data ?? []} />
    </Panel>
  );
}
