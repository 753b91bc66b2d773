import type { Metadata } from "next";
import { connection } from "next/server";
import { AddChannelForm } from "@/components/admin/notification-controls.tsx";
import { ChannelsTable, DeadLettersTable } from "@/components/admin/notification-tables.tsx";
import { Panel } from "@/components/ui/panel.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { listChannelItems, listDeadLetters } from "@/lib/db/notifications/list-notifications.ts";
import { plural } from "@/lib/domain/plural.ts";

export const metadata: Metadata = { title: "Notifications · Admin · Uptrust" };

export default async function AdminNotificationsPage() {
  await connection();
  await gatePage("/admin/notifications", "admin");
  const [channels, letters] = [await listChannelItems(), await listDeadLetters()];
  return (
    <div className={s.page}>
      <h1 style={{ fontSize: 20, margin: "4px 0" }}>Notifications</h1>
      <p className={s.explain} style={{ maxWidth: 980, marginBottom: 12 }}>
        When an incident opens, escalates, is acknowledged or resolves, and when an SLO starts or stops paging, the analyze worker tells
        every channel whose route matches, once per change. Failed messages are retried with backoff; those that run out of attempts are
        listed below as dead letters. Secrets are stored encrypted and never shown again.
      </p>
      <Panel title="Channels" aside={plural(channels.length, "channel")}>
        <ChannelsTable channels={channels} />
      </Panel>
      <Panel title="Add a channel" aside="empty route fields match everything">
        <AddChannelForm />
      </Panel>
      <Panel title="Dead letters" aside={`${plural(letters.length, "message")} not delivered`}>
        <DeadLettersTable letters={letters} />
      </Panel>
    </div>
  );
}
