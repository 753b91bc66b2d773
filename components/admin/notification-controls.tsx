"use client";

import { useState, type FormEvent } from "react";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle.ts";
import { CHANNEL_TYPES } from "@/lib/domain/notifications/message.ts";
import c from "../ui/controls.module.css";
import { useAdminRequest } from "./use-admin-request.ts";

const SECRET_LABEL = { slack: "Incoming webhook URL", pagerduty: "Routing key", webhook: "Signing secret" } as const;
const GRID = { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))", gap: 10 } as const;
const list = (v: FormDataEntryValue | null) => String(v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/** Adds a channel. The secret field is a password field and is emptied once saved: the page never shows it again. */
export function AddChannelForm() {
  const request = useAdminRequest();
  const [type, setType] = useState<(typeof CHANNEL_TYPES)[number]>("slack");
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const url = String(f.get("url") ?? "").trim();
    const body = {
      name: f.get("name"), type, secret: f.get("secret"), ...(url ? { url } : {}), ratePerMinute: Number(f.get("ratePerMinute")),
      route: {
        clusters: list(f.get("clusters")), namespaces: list(f.get("namespaces")), excludeNamespaces: list(f.get("excludeNamespaces")),
        owners: list(f.get("owners")), minSeverity: f.get("minSeverity") || null, shareLink: f.get("shareLink") === "on",
      },
    };
    request.mutate({ url: "/api/admin/notifications/channels", method: "POST", body }, { onSuccess: () => form.reset() });
  };
  const field = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <label style={{ display: "grid", gap: 2, fontSize: 12 }}>
      {label}
      <input className={c.field} name={name} aria-label={label} {...extra} />
    </label>
  );
  return (
    <form onSubmit={submit} aria-label="Add a notification channel" style={GRID}>
      {field("name", "Name", { required: true, placeholder: "sre-slack" })}
      <label style={{ display: "grid", gap: 2, fontSize: 12 }}>
        Type
        <select className={c.field} aria-label="Type" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
          {CHANNEL_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      {type === "slack" ? null : field("url", type === "webhook" ? "URL" : "Events URL (empty: PagerDuty's)", { type: "url" })}
      {field("secret", SECRET_LABEL[type], { type: "password", required: true, autoComplete: "off" })}
      {field("clusters", "Only clusters (comma-separated)")}
      {field("namespaces", "Only namespaces")}
      {field("excludeNamespaces", "Not namespaces")}
      {field("owners", "Only owners")}
      <label style={{ display: "grid", gap: 2, fontSize: 12 }}>
        Severity
        <select className={c.field} name="minSeverity" aria-label="Severity" defaultValue="">
          <option value="">any</option>
          {SEVERITIES.map((s) => <option key={s} value={s}>{s} or worse</option>)}
        </select>
      </label>
      {field("ratePerMinute", "Messages per minute", { type: "number", min: 1, max: 1000, defaultValue: 20 })}
      <label style={{ display: "flex", gap: 6, alignItems: "center", fontSize: 12 }}>
        <input type="checkbox" name="shareLink" aria-label="Add a share link" /> Add a share link to opened incidents (a 7-day grant, audited)
      </label>
      <div>
        <button type="submit" className={c.action} disabled={request.isPending}>Add channel</button>
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
