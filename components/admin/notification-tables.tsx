import Link from "next/link";
import { formatUtc } from "@/components/format.ts";
import type { ChannelItem, DeadLetterItem } from "@/lib/views/notifications.ts";
import { Badge } from "../ui/badge.tsx";
import { Empty } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";
import { RefreshWhileWaiting, RowAction } from "./notification-controls.tsx";

// The channels, each with where it is defined, where it posts, its route and how its messages fared.
// A secret shows only as "set" (and its last 4 characters when it is long).
export function ChannelsTable({ channels }: { channels: ChannelItem[] }) {
  if (channels.length === 0) {
    return <Empty>No channel yet: add one below, or set UPTRUST_SLACK_WEBHOOK_URL, UPTRUST_PAGERDUTY_ROUTING_KEY or UPTRUST_WEBHOOK_URL.</Empty>;
  }
  return (
    <>
      <table className={s.table}>
        <thead>
          <tr><th>channel</th><th>type</th><th>posts to</th><th>secret</th><th>route</th><th className={s.right}>sent · waiting · dead</th><th /></tr>
        </thead>
        <tbody>
          {channels.map((ch) => (
            <tr key={ch.id} data-testid="channel-row" data-name={ch.name}>
              <td>{ch.name}{ch.source === "env" ? <div className={s.muted}>from the environment (read-only)</div> : null}</td>
              <td><Badge tone="info">{ch.type}</Badge></td>
              <td className={s.mono} style={{ overflowWrap: "anywhere" }}>{ch.url ?? <span className={s.muted}>the secret URL</span>}</td>
              <td data-testid="channel-secret">{ch.secretHint}</td>
              <td>{ch.route} · at most {ch.ratePerMinute}/min</td>
              <td className={`${s.right} ${s.num}`}>
                {ch.sent} · {ch.pending} · {ch.dead}
                {ch.lastTest ? <div data-testid="channel-test" className={s.muted}>{testLine(ch.lastTest)}</div> : null}
              </td>
              <td className={s.right}>
                <RowAction url={`/api/admin/notifications/channels/${ch.id}/test`} method="POST" label={`Send a test message to ${ch.name}`}>Send test</RowAction>{" "}
                {ch.source === "admin" ? (
                  <>
                    <Link href={`/admin/notifications?edit=${ch.id}#change-channel`} aria-label={`Change ${ch.name}`} style={{ margin: "0 8px" }}>Change</Link>
                    <RowAction url={`/api/admin/notifications/channels/${ch.id}`} method="DELETE" label={`Delete ${ch.name}`}>Delete</RowAction>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RefreshWhileWaiting waiting={channels.some((ch) => ch.lastTest?.status === "pending")} />
    </>
  );
}

function testLine(t: NonNullable<ChannelItem["lastTest"]>): string {
  const at = formatUtc(t.at);
  if (t.status === "pending") return `test message waiting (asked ${at})`;
  if (t.status === "delivered") return `test message delivered ${at}`;
  return `test message not delivered ${at}: ${t.error ?? "no reason given"}`;
}

/** Messages that ran out of attempts: what, where, why; an admin sends one again once the receiver is fixed. */
export function DeadLettersTable({ letters }: { letters: DeadLetterItem[] }) {
  if (letters.length === 0) return <Empty>No dead letters: every message was delivered or is still being tried.</Empty>;
  return (
    <table className={s.table}>
      <thead>
        <tr><th>first queued (UTC)</th><th>channel</th><th>message</th><th className={s.right}>attempts</th><th>last error</th><th /></tr>
      </thead>
      <tbody>
        {letters.map((d) => (
          <tr key={d.id} data-testid="dead-letter-row">
            <td className={s.num}>{formatUtc(d.createdAt).replace(/ UTC$/, "")}</td>
            <td>{d.channel} <span className={s.muted}>({d.channelType})</span></td>
            <td>{d.headline}</td>
            <td className={`${s.right} ${s.num}`}>{d.attempts}</td>
            <td className={s.mono} style={{ overflowWrap: "anywhere" }}>{d.lastError}</td>
            <td className={s.right}>
              <RowAction url={`/api/admin/notifications/dead-letters/${d.id}/retry`} method="POST" label={`Send again: ${d.headline}`}>Send again</RowAction>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
