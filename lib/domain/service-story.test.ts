import { describe, expect, it } from "vitest";
import type { ServiceAxis, ServiceMark } from "@/lib/views/service.ts";
import { serviceStory } from "./service-story.ts";

const t = (hhmm: string) => `2026-12-06T${hhmm}:00.000Z`;
const change = (id: string, at: string, manager: string | null): ServiceMark => ({
  kind: "change", id, at: t(at), title: `image checkout: shop/checkout:1.4.2 → 1.5.0`, changeKind: "template", revision: "2", manager, before: {}, after: {},
});
const incident: ServiceMark = { kind: "incident", id: "i", at: t("08:03"), until: t("08:22"), title: "shop/checkout is crash-looping", severity: "sev2", status: "resolved" };
const axis = (marks: ServiceMark[]): ServiceAxis => ({ from: t("07:00"), to: t("09:00"), bucketMs: 300_000, marks, replicas: [], burn: [], omitted: [] });

describe("what changed right before it broke", () => {
  it("names the latest change before the trouble, what wrote it, and how long before", () => {
    const story = serviceStory(axis([change("old", "07:10", "helm"), change("rollout", "08:02", "kubectl-client-side-apply"), incident]));
    expect(story.kind === "preceded" && story.change.id).toBe("rollout");
    expect(story.sentence).toBe("The change “image checkout: shop/checkout:1.4.2 → 1.5.0”, written by kubectl-client-side-apply, preceded shop/checkout is crash-looping by 1m.");
  });

  it("says the same second rather than zero seconds", () => {
    expect(serviceStory(axis([change("rollout", "08:03", null), incident])).sentence).toBe("The change “image checkout: shop/checkout:1.4.2 → 1.5.0” preceded shop/checkout is crash-looping within the same second.");
  });

  it("does not tie trouble to a change more than an hour older", () => {
    expect(serviceStory(axis([change("old", "06:50", null), incident])).sentence).toBe("No change of this workload in the hour before shop/checkout is crash-looping.");
  });

  it("says so when the range holds no trouble", () => {
    expect(serviceStory(axis([change("rollout", "08:02", null)]))).toEqual({ kind: "quiet", sentence: "No incident or restart in this range." });
  });
});
