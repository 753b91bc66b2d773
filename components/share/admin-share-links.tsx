"use client";

import { useRouter } from "next/navigation";
import type { ShareLinkItem } from "@/lib/domain/share-links.ts";
import { Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { ShareLinkTable } from "./share-link-table.tsx";
import { plural } from "@/lib/domain/plural.ts";

// Every incident's share links for admins: revoking one re-reads the list from the server.
export function AdminShareLinks({ links }: { links: ShareLinkItem[] }) {
  const router = useRouter();
  const active = links.filter((l) => l.state === "active").length;
  return (
    <div className={s.page}>
      <h1>Share links</h1>
      <Panel title="Share links" aside={`${plural(links.length, "link")} · ${active} active · times in UTC`}>
        <ShareLinkTable links={links} showIncident onRevoked={() => router.refresh()} />
      </Panel>
    </div>
  );
}
