import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nextStatuses, type IncidentStatus } from "@/lib/domain/incident-lifecycle.ts";
import type { IncidentDetail } from "@/lib/views/incident.ts";
import { LifecycleControls } from "./lifecycle-controls.tsx";

const ASOF = "2026-12-06T10:00:00.000Z";

function incident(status: IncidentStatus, acknowledgedAt: string | null = null): IncidentDetail["incident"] {
  return {
    id: "4f6c2a1e-0000-4000-8000-000000000001", title: "checkout is crash-looping (CrashLoopBackOff)", reason: "CrashLoopBackOff", severity: "sev2",
    status, active: !["resolved", "closed", "cancelled"].includes(status), cluster: "uptrust-demo",
    workload: { namespace: "shop", name: "checkout", kind: "Deployment" }, startedAt: "2026-12-06T09:00:00.000Z", detectedAt: "2026-12-06T09:00:08.000Z",
    resolvedAt: status === "resolved" || status === "closed" ? "2026-12-06T09:30:00.000Z" : null, durationSeconds: 1800, likelyCause: null,
    occurrences: { count: 1, firstAt: "2026-12-06T09:00:00.000Z", lastAt: "2026-12-06T09:00:00.000Z" }, timeline: [], timelineCount: 0,
    summary: "", acknowledgedAt, mitigatedAt: null, owner: null, severitySource: "detector", nextStatuses: [...nextStatuses(status)],
  };
}

// The server as the browser meets it: each POST is kept, and answered with `reply`.
function server(reply: { status: number; body: unknown } = { status: 200, body: { ok: true } }) {
  const posted: unknown[] = [];
  vi.stubGlobal("fetch", vi.fn(async (_url: string, init: RequestInit) => {
    posted.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { "content-type": "application/json" } });
  }));
  return posted;
}

function show(status: IncidentStatus, acknowledgedAt: string | null = null) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(<QueryClientProvider client={client}><LifecycleControls incident={incident(status, acknowledgedAt)} asOf={ASOF} /></QueryClientProvider>);
  return within(screen.getByRole("group", { name: "status" }));
}

const moves = (group: ReturnType<typeof show>) => group.queryAllByRole("button").map((b) => b.textContent);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("respond controls", () => {
  it("offer a fresh page acknowledge and every way forward, but not closing", () => {
    expect(moves(show("triage"))).toEqual(["Acknowledge", "Investigate", "Mark mitigated", "Resolve", "Cancel (not an outage)"]);
  });

  it("offer a resolved incident only reopening or closing, with nothing to acknowledge", () => {
    expect(moves(show("resolved", "2026-12-06T09:05:00.000Z"))).toEqual(["Investigate", "Close"]);
  });

  it("offer no move on a closed incident and say why", () => {
    const group = show("closed", "2026-12-06T09:05:00.000Z");
    expect(moves(group)).toEqual([]);
    expect(group.getByText(/The incident is closed: that is final/)).toBeTruthy();
  });

  it("refuse a time that is not written in UTC as the page writes it, and send nothing", async () => {
    const posted = server();
    const group = show("investigating", "2026-12-06T09:05:00.000Z");
    const field = group.getByLabelText("when (UTC)");
    await userEvent.type(field, "06/12/2026 09:42");
    await userEvent.click(group.getByRole("button", { name: "Resolve" }));
    expect(screen.getByRole("alert").textContent).toMatch(/"06\/12\/2026 09:42" is not a time Uptrust can read; write it in UTC as year-month-day hour:minute/);
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(posted).toEqual([]);
    await userEvent.type(field, "x");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("send a back-dated resolution as the UTC time typed, and an empty field as now", async () => {
    const posted = server();
    const group = show("triage");
    await userEvent.type(group.getByLabelText("when (UTC)"), "2026-12-06 09:42");
    await userEvent.click(group.getByRole("button", { name: "Resolve" }));
    await waitFor(() => expect(posted).toEqual([{ type: "transition", to: "resolved", at: "2026-12-06T09:42:00Z" }]));
    await waitFor(() => expect((group.getByLabelText("when (UTC)") as HTMLInputElement).value).toBe(""));
    await userEvent.click(group.getByRole("button", { name: "Acknowledge" }));
    await waitFor(() => expect(posted[1]).toEqual({ type: "acknowledge" }));
  });

  it("show the server's sentence when it refuses the move", async () => {
    server({ status: 409, body: { error: "resolved time 2026-12-06T08:00:00Z is before started (2026-12-06T09:00:00Z); set it to 2026-12-06T09:00:00Z or later" } });
    const group = show("triage");
    await userEvent.type(group.getByLabelText("when (UTC)"), "2026-12-06 08:00");
    await userEvent.click(group.getByRole("button", { name: "Resolve" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/is before started .* set it to 2026-12-06T09:00:00Z or later/);
  });
});
