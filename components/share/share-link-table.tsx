"use client";

import Link from "next/link";
import type { ShareLinkItem } from "@/lib/domain/share-links.ts";
import { formatUtc } from "../format.ts";
import { Badge, type Tone } from "../ui/badge.tsx";
import c from "../ui/controls.module.css";
import { Empty } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { useRevokeShareLink } from "./use-share-links.ts";

const STATE_TONE: Record<ShareLinkItem["state"], Tone> = { active: "ok", expired: "neutral", revoked: "warn" };

// Share links with who made them, how they show the incident, until when, and how often they were
// opened. The Revoke button appears only where the person looking may use it.
type Props = { links: ShareLinkItem[]; showIncident?: boolean; onRevoked?: () => void };

export function ShareLinkTable({ links, showIncident = false, onRevoked }: Props) {
  const revoke = useRevokeShareLink(onRevoked);
  if (links.length === 0) return <Empty>No share links yet.</Empty>;
  return (
    <>
      <table className={s.table} aria-label="Share links">
        <thead>
          <tr>
            {showIncident ? <th>incident</th> : null}
            <th>created by</th><th>view</th><th>created</th><th>expires</th>
            <th className={s.right}>opens</th><th>last opened</th><th>state</th><th />
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr key={l.id} data-testid="share-link-row" data-link-id={l.id} data-state={l.state}>
              {showIncident ? <td className={s.wrap}><Link href={`/incidents/${l.incident.id}`}>{l.incident.title}</Link></td> : null}
              <td>{l.createdBy}</td>
              <td>{l.view}</td>
              <td className={s.num}>{formatUtc(l.createdAt)}</td>
              <td className={s.num}>{formatUtc(l.expiresAt)}</td>
              <td className={`${s.num} ${s.right}`}>{l.opens}</td>
              <td className={s.num}>{l.lastOpenedAt ? formatUtc(l.lastOpenedAt) : "never"}</td>
              <td>
                <Badge tone={STATE_TONE[l.state]} title={l.revokedAt ? `revoked ${formatUtc(l.revokedAt)} by ${l.revokedBy ?? "someone"}` : undefined}>
                  {l.state}
                </Badge>
              </td>
              <td>
                {l.canRevoke ? (
                  <button type="button" className={c.action} style={{ padding: "0 8px" }} disabled={revoke.isPending}
                    onClick={() => revoke.mutate(l.id)}>Revoke</button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoke.error ? <p className={c.error} role="alert">{revoke.error.message}</p> : null}
    </>
  );
}
