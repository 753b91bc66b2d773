import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ServiceAxis } from "@/lib/views/service.ts";
import { ServiceAxisView, type AxisProps } from "./service-axis.tsx";

const t = (hhmm: string) => `2026-12-06T${hhmm}:00.000Z`;
const axis: ServiceAxis = {
  from: t("03:00"),
  to: t("09:00"),
  bucketMs: 300_000,
  marks: [
    { kind: "change", id: "c1", at: t("08:02"), title: "image checkout: shop/checkout:1.4.2 → 1.5.0", changeKind: "template", revision: "2", manager: "kubectl-client-side-apply", before: {}, after: {} },
    { kind: "incident", id: "i1", at: t("08:03"), until: t("08:22"), title: "shop/checkout is crash-looping", severity: "sev2", status: "resolved" },
    { kind: "restart", id: "r1", at: t("08:03"), until: t("08:21"), title: "BackOff (×12): Back-off restarting failed container checkout", reason: "CrashLoopBackOff" },
  ],
  replicas: [{ at: t("03:00"), desired: 4, ready: 4, available: 4 }, { at: t("08:12"), desired: 4, ready: 3, available: 3 }, { at: t("09:00"), desired: 4, ready: 4, available: 4 }],
  burn: [],
  omitted: [],
};

function renderAxis(overrides: Partial<AxisProps> = {}) {
  const props: AxisProps = { axis, asOf: t("09:00"), selectedId: null, moment: null, onWindow: vi.fn(), onSelect: vi.fn(), onMoment: vi.fn(), onReset: vi.fn(), ...overrides };
  render(<ServiceAxisView {...props} />);
  return props;
}

describe("the service page's zoomable axis", () => {
  it("zooms in to the middle three hours and out to twelve", async () => {
    const props = renderAxis();
    await userEvent.click(screen.getByRole("button", { name: "Zoom in" }));
    expect(props.onWindow).toHaveBeenLastCalledWith({ from: Date.parse(t("04:30")), to: Date.parse(t("07:30")) });
    await userEvent.click(screen.getByRole("button", { name: "Zoom out" }));
    expect(props.onWindow).toHaveBeenLastCalledWith({ from: Date.parse(t("00:00")), to: Date.parse("2026-12-06T12:00:00.000Z") });
  });

  it("pans three hours earlier, and not past the cluster's newest report", async () => {
    const props = renderAxis();
    await userEvent.click(screen.getByRole("button", { name: "◀ Earlier" }));
    expect(props.onWindow).toHaveBeenLastCalledWith({ from: Date.parse(t("00:00")), to: Date.parse(t("06:00")) });
    expect((screen.getByRole("button", { name: "Later ▶" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("names each mark by kind, time and what it was, in its own lane", () => {
    renderAxis();
    const changes = screen.getByRole("group", { name: "Changes" });
    expect(within(changes).getByRole("button").getAttribute("aria-label")).toBe("change at 2026-12-06 08:02:00 UTC: image checkout: shop/checkout:1.4.2 → 1.5.0");
    expect(within(screen.getByRole("group", { name: "Restarts" })).getAllByRole("button")).toHaveLength(1);
    expect(within(screen.getByRole("group", { name: "Events" })).queryAllByRole("button")).toHaveLength(0);
  });

  it("opens a mark when it is clicked or chosen by keyboard, and shows it as pressed", async () => {
    const props = renderAxis({ selectedId: "i1" });
    await userEvent.click(screen.getByRole("button", { name: /^change at/ }));
    expect(props.onSelect).toHaveBeenCalledWith(axis.marks[0]);
    screen.getByRole("button", { name: /^incident at/ }).focus();
    await userEvent.keyboard("{Enter}");
    expect(props.onSelect).toHaveBeenLastCalledWith(axis.marks[1]);
    expect(screen.getByRole("button", { name: /^incident at/ }).getAttribute("aria-pressed")).toBe("true");
  });

  it("draws replica health as a named chart with its numbers in a table", async () => {
    renderAxis();
    expect(screen.getByRole("figure", { name: "Replica health: ready of desired" }).querySelector("[aria-hidden]")).not.toBeNull();
    await userEvent.click(screen.getByText("Replica health: ready of desired: as a table"));
    const table = screen.getByRole("table", { name: "Replica counts as the workload reported them" });
    expect(within(table).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[1].textContent)).toEqual(["4", "3", "4"]);
  });

  it("shows the visible range in UTC", () => {
    renderAxis();
    expect(screen.getByTestId("axis-range").textContent).toBe("2026-12-06 03:00 UTC – 2026-12-06 09:00 UTC");
  });

  describe("with a pointer on the lanes (1000 px wide)", () => {
    const lanes = () => {
      const el = screen.getByTestId("axis-tracks");
      el.getBoundingClientRect = () => ({ left: 100, width: 1000, top: 0, height: 100, right: 1100, bottom: 100, x: 100, y: 0, toJSON: () => ({}) });
      return el;
    };

    it("zooms to the stretch dragged across", () => {
      const props = renderAxis();
      const el = lanes();
      fireEvent.pointerDown(el, { clientX: 850, pointerId: 1 });
      fireEvent.pointerMove(el, { clientX: 1000, pointerId: 1 });
      fireEvent.pointerUp(el, { clientX: 1100, pointerId: 1 });
      expect(props.onWindow).toHaveBeenCalledWith({ from: Date.parse(t("07:30")), to: Date.parse(t("09:00")) });
    });

    it("picks the moment clicked, for the logs around it", () => {
      const props = renderAxis();
      const el = lanes();
      fireEvent.pointerDown(el, { clientX: 600, pointerId: 1 });
      fireEvent.pointerUp(el, { clientX: 601, pointerId: 1 });
      expect(props.onMoment).toHaveBeenCalledWith(Date.parse(t("06:00")));
      expect(props.onWindow).not.toHaveBeenCalled();
    });
  });
});
