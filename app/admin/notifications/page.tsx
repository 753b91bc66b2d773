import type { Metadata } from "next";
import { connection } from "next/server";
import { ChannelForm } from "@/components/admin/notification-controls.tsx";
import { ChannelsTable, DeadLettersTable } from "@/components/admin/notification-tables.tsx";
import { Panel } from "@/components/ui/panel.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { listChannelItems, listDeadLetters } from "@/lib/db/notifications/list-notifications.ts";
import { plural } from "@/lib/domain/plural.ts";

export const metadata: Metadata = { title: "Notifications · Admin · Uptrust" };

// ?edit=<channel id> opens the form that changes that channel (an admin's; the environment's are read-only).
export default async function AdminNotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  await gatePage("/admin/notifications", "admin");
  const [channels, letters] = await Promise.all([listChannelItems(), listDeadLetters()]);
  const { edit } = await searchParams;
  const editing = channels.find((ch) => ch.id === edit && ch.source === "admin");
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
      {editing ? (
        <div id="change-channel">
          <Panel title={`Change ${editing.name}`} aside="empty route fields match everything; an empty secret keeps the stored one">
            <ChannelForm key={editing.id} channel={editing} />
          </Panel>
        </div>
      ) : (
        <Panel title="Add a channel" aside="empty route fields match everything">
          {edit ? (
            <p className={s.explain} role="status">
              The channel that link names cannot be changed here: it has been deleted, or the environment defines it
              (change its variable).
            </p>
          ) : null}
          <ChannelForm />
        </Panel>
      )}
      <Panel title="Dead letters" aside={`${plural(letters.length, "message")} not delivered`}>
        <DeadLettersTable letters={letters} />
      </Panel>
    </div>
  );
}
