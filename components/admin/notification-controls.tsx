"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle.ts";
import { CHANNEL_TYPES, type ChannelType } from "@/lib/domain/notifications/message.ts";
import type { ChannelItem } from "@/lib/views/notifications.ts";
import c from "../ui/controls.module.css";
import { useAdminRequest } from "./use-admin-request.ts";

const SECRET_LABEL = { slack: "Incoming webhook URL", pagerduty: "Routing key", webhook: "Signing secret" } as const;
const GRID = { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))", gap: 10 } as const;
const list = (v: FormDataEntryValue | null) => String(v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/**
 * Adds a channel, or changes one an admin added (`channel`). The secret is a password field, emptied once saved: the page
 * never shows it again. A change keeps the channel's name and type, and keeps its secret when the field is left empty.
 */
export function ChannelForm({ channel }: { channel?: ChannelItem }) {
  const request = useAdminRequest();
  const router = useRouter();
  const [type, setType] = useState<ChannelType>(channel?.type ?? "slack");
  const route = channel?.routeFields;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const url = String(f.get("url") ?? "").trim();
    const settings = {
      ...(url ? { url } : {}), ratePerMinute: Number(f.get("ratePerMinute")),
      route: {
        clusters: list(f.get("clusters")), namespaces: list(f.get("namespaces")), excludeNamespaces: list(f.get("excludeNamespaces")),
        owners: list(f.get("owners")), minSeverity: f.get("minSeverity") || null, shareLink: f.get("shareLink") === "on",
      },
    };
    if (channel) {
      const body = { ...settings, secret: f.get("secret") };
      request.mutate({ url: `/api/admin/notifications/channels/${channel.id}`, method: "PATCH", body }, { onSuccess: () => router.push("/admin/notifications") });
    } else {
      const body = { name: f.get("name"), type, secret: f.get("secret"), ...settings };
      request.mutate({ url: "/api/admin/notifications/channels", method: "POST", body }, { onSuccess: () => form.reset() });
    }
  };
  const field = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <label style={{ display: "grid", gap: 2, fontSize: 12 }}>
      {label}
      <input className={c.field} name={name} aria-label={label} {...extra} />
    </label>
  );
  const listed = (v: readonly string[] | undefined) => ({ defaultValue: v?.join(", ") ?? "" });
  return (
    <form onSubmit={submit} aria-label={channel ? `Change ${channel.name}` : "Add a notification channel"} style={GRID}>
      {field("name", "Name", channel ? { value: channel.name, readOnly: true } : { required: true, placeholder: "sre-slack" })}
      <label style={{ display: "grid", gap: 2, fontSize: 12 }}>
        Type
        <select className={c.field} aria-label="Type" value={type} disabled={Boolean(channel)} onChange={(e) => setType(e.target.value as ChannelType)}>
          {CHANNEL_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      {type === "slack" ? null : field("url", type === "webhook" ? "URL" : "Events URL (empty: PagerDuty's)", { type: "url", defaultValue: channel?.url ?? "" })}
      {field("secret", SECRET_LABEL[type], {
        type: "password", autoComplete: "off",
        ...(channel ? { placeholder: "empty: keep the stored one" } : { required: true }),
      })}
      {field("clusters", "Only clusters (comma-separated)", listed(route?.clusters))}
      {field("namespaces", "Only namespaces", listed(route?.namespaces))}
      {field("excludeNamespaces", "Not namespaces", listed(route?.excludeNamespaces))}
      {field("owners", "Only owners", listed(route?.owners))}
      <label style={{ display: "grid", gap: 2, fontSize: 12 }}>
        Severity
        <select className={c.field} name="minSeverity" aria-label="Severity" defaultValue={route?.minSeverity ?? ""}>
          <option value="">any</option>
          {SEVERITIES.map((s) => <option key={s} value={s}>{s} or worse</option>)}
        </select>
      </label>
      {field("ratePerMinute", "Messages per minute", { type: "number", min: 1, max: 1000, defaultValue: channel?.ratePerMinute ?? 20 })}
      <label style={{ display: "flex", gap: 6, alignItems: "center", fontSize: 12 }}>
        <input type="checkbox" name="shareLink" aria-label="Add a share link" defaultChecked={route?.shareLink ?? false} />
        Add a share link to opened incidents (a 7-day grant, audited)
      </label>
      <div>
        <button type="submit" className={c.action} disabled={request.isPending}>{channel ? "Save changes" : "Add channel"}</button>
        {channel ? <Link href="/admin/notifications" style={{ marginLeft: 10, fontSize: 12 }}>Cancel</Link> : null}
        {request.error ? <p className={c.error} role="alert">{request.error.message}</p> : null}
      </div>
    </form>
  );
}

/** One admin action on a row (delete a channel, send a dead letter again), with the server's refusal shown beside it. */
export function RowAction({ url, method, label, children }: { url: string; method: "POST" | "DELETE"; label: string; children: string }) {
  const request = useAdminRequest();
  return (
    <>
      <button type="button" className={c.action} aria-label={label} disabled={request.isPending} onClick={() => request.mutate({ url, method })}>
        {children}
      </button>
      {request.error ? <p className={c.error} role="alert">{request.error.message}</p> : null}
    </>
  );
}

/**
 * Re-reads the server-rendered page every 2 s while a test message waits, so the admin sees it delivered or refused
 * without reloading; gives up after a minute (the page then says it is still waiting).
 */
export function RefreshWhileWaiting({ waiting }: { waiting: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!waiting) return;
    const started = Date.now();
    const timer = setInterval(() => (Date.now() - started > 60_000 ? clearInterval(timer) : router.refresh()), 2_000);
    return () => clearInterval(timer);
  }, [waiting, router]);
  return null;
}
