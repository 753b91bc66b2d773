import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildPostmortem, type PostmortemInput } from "@/lib/domain/postmortem.ts";
import { MarkdownDocument } from "./markdown-document.tsx";
import { PostmortemView } from "./postmortem-view.tsx";

const draft: PostmortemInput = {
  id: "4f6c2a1e-8b0d-4c3e-9a51-2f7d3e8b1c90", title: "checkout is crash-looping (CrashLoopBackOff)", severity: "sev2", status: "resolved",
  owner: "@payments-oncall", cluster: "uptrust-demo", workload: { namespace: "shop", name: "checkout", kind: "Deployment" }, reason: "CrashLoopBackOff",
  summary: "3/4 replicas available", startedAt: "2026-12-06T09:00:00.000Z", detectedAt: "2026-12-06T09:00:08.000Z",
  acknowledgedAt: "2026-12-06T09:05:00.000Z", mitigatedAt: null, resolvedAt: "2026-12-06T09:30:00.000Z", asOf: "2026-12-06T10:00:00.000Z",
  causes: [{ kind: "ImageChange", title: "A rollout changed checkout's image to 1.5.0 as it began", score: 0.8, evidence: [{ source: "change", ts: "2026-12-06T09:00:00.000Z", text: "image checkout: 1.4.2 → 1.5.0" }] }],
  timeline: [
    { ts: "2026-12-06T09:00:00.000Z", kind: "change", title: "image checkout: 1.4.2 → 1.5.0", detail: {} },
    // What a log line or a hurried note can carry: markup and a script link, which must stay text.
    { ts: "2026-12-06T09:01:00.000Z", kind: "log", title: "<img src=x onerror=alert(1)> refused [retry](javascript:alert(1))", detail: {} },
  ],
  budgets: [],
};
const markdown = buildPostmortem(draft);

function show() {
  render(<PostmortemView id={draft.id} markdown={markdown} rendered={<MarkdownDocument markdown={markdown} />} />);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the postmortem draft", () => {
  it("reads as a document: headings, the milestones as a table, the causes as a list", () => {
    show();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Postmortem: checkout is crash-looping (CrashLoopBackOff)");
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toContain("Action items");
    const impact = screen.getAllByRole("table")[0];
    expect(within(impact).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["milestone", "time (UTC)", "since impact start"]);
    expect(within(impact).getByRole("row", { name: /Resolved 2026-12-06 09:30:00/ })).toBeTruthy();
    expect(screen.getByText("A rollout changed checkout's image to 1.5.0 as it began").tagName).toBe("STRONG");
    expect(screen.queryByText(/^## /)).toBeNull();
  });

  it("keeps markup from the record as text: no image, no script link", () => {
    show();
    const doc = screen.getByTestId("postmortem-rendered");
    expect(doc.querySelector("img")).toBeNull();
    expect(doc.textContent).toContain("<img src=x onerror=alert(1)>");
    expect([...doc.querySelectorAll("a")].filter((a) => a.getAttribute("href")?.startsWith("javascript"))).toEqual([]);
  });

  it("switches to the Markdown source and copies exactly it", async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    show();
    await userEvent.click(screen.getByRole("button", { name: "Markdown source" }));
    expect(screen.getByRole("button", { name: "Markdown source" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("postmortem-markdown").textContent).toBe(markdown);
    expect(screen.queryByTestId("postmortem-rendered")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Copy Markdown" }));
    expect(writeText).toHaveBeenCalledWith(markdown);
    expect(screen.getByTestId("copy-status").textContent).toBe("Markdown copied");
  });

  it("when the browser refuses the clipboard, shows the source to copy by hand and says so", async () => {
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText: async () => Promise.reject(new Error("denied")) } });
    show();
    await userEvent.click(screen.getByRole("button", { name: "Copy Markdown" }));
    expect(screen.getByTestId("copy-status").textContent).toMatch(/refused the clipboard; select the Markdown below/);
    expect(screen.getByTestId("postmortem-markdown")).toBeTruthy();
  });
});
