import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";
import { sloCardFixture } from "../slo/slo-card-fixture.ts";
import { renderWithClient } from "../testing/render-with-client.tsx";
import { sloList } from "./slo-list.ts";
import { SloListView } from "./slo-list-view.tsx";

// The address bar as Next's router moves it: the last URL pushed.
const { push } = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock("next/navigation", () => ({ usePathname: () => "/slos", useRouter: () => ({ push }) }));

const options: ScopeOptions = { clusters: [{ name: "prod eu", namespaces: ["shop"] }, { name: "staging", namespaces: ["web"] }] };
// 60 paging SLOs and a healthy one: two pages of the "page" state.
const cards = [
  ...Array.from({ length: 60 }, (_, i) => sloCardFixture(`p${i}`, `svc-${i}`, { remaining: 0.5, alert: "page", burn1h: 14.4, burn6h: 6 })),
  sloCardFixture("h", "quiet", { remaining: 1, alert: null, burn1h: 0, burn6h: 0 }),
];

describe("/slos with a state chosen", () => {
  beforeEach(() => push.mockClear());

  it("keeps the state when the scope changes, and starts the new scope on its first page", async () => {
    const user = userEvent.setup();
    renderWithClient(<SloListView scope={EVERYTHING} problems={[]} options={options} view={sloList(cards, "page", 2)} />);
    expect(screen.getByRole("heading", { name: "SLOs: page" })).toBeTruthy();
    await user.click(screen.getByText(/^Clusters:/));
    await user.click(screen.getByRole("checkbox", { name: "staging" }));
    expect(push).toHaveBeenLastCalledWith("/slos?cluster=staging&alert=page");
    await user.type(screen.getByRole("searchbox", { name: /Service/ }), "checkout{Enter}");
    expect(push).toHaveBeenLastCalledWith("/slos?q=checkout&alert=page");
    await user.selectOptions(screen.getByRole("combobox", { name: "Time range" }), "last 6h");
    expect(push).toHaveBeenLastCalledWith("/slos?range=6h&alert=page");
  });

  it("with every state shown, a new scope adds no state to the address", async () => {
    const user = userEvent.setup();
    renderWithClient(<SloListView scope={EVERYTHING} problems={[]} options={options} view={sloList(cards, null, 1)} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Time range" }), "last 6h");
    expect(push).toHaveBeenLastCalledWith("/slos?range=6h");
  });
});

describe("/slos's Prometheus rules", () => {
  it("offers every SLO's rules, and one cluster's when the scope names exactly one, as a file or a PrometheusRule", () => {
    const { unmount } = renderWithClient(<SloListView scope={EVERYTHING} problems={[]} options={options} view={sloList(cards, null, 1)} />);
    expect(screen.getByRole("link", { name: "Prometheus rules for every SLO" }).getAttribute("href")).toBe("/api/slos/rules");
    expect(screen.queryByRole("link", { name: /^for / })).toBeNull();
    expect(screen.getByRole("link", { name: "the same as a PrometheusRule" }).getAttribute("href")).toBe("/api/slos/rules?format=prometheusrule");
    unmount();
    renderWithClient(<SloListView scope={{ ...EVERYTHING, clusters: ["prod eu"] }} problems={[]} options={options} view={sloList(cards, null, 1)} />);
    expect(screen.getByRole("link", { name: "for prod eu" }).getAttribute("href")).toBe("/api/slos/rules?cluster=prod+eu");
    expect(screen.getByRole("link", { name: "the same as a PrometheusRule" }).getAttribute("href")).toBe("/api/slos/rules?cluster=prod+eu&format=prometheusrule");
  });
});
