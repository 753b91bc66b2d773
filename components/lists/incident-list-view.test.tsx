import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";
import { sampleRows } from "../cockpit/summary-fixture.ts";
import { renderWithClient } from "../testing/render-with-client.tsx";
import { incidentList } from "./incident-list.ts";
import { IncidentListView } from "./incident-list-view.tsx";

const { push } = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock("next/navigation", () => ({ usePathname: () => "/incidents", useRouter: () => ({ push }) }));

const options: ScopeOptions = { clusters: [{ name: "prod-eu", namespaces: ["shop"] }, { name: "staging", namespaces: ["web"] }] };
// The sample fleet: checkout (sev2) and cart (sev3) open on prod-eu, ledger (sev3) resolved two days ago.
const incidents = sampleRows().incidents;

describe("/incidents", () => {
  beforeEach(() => push.mockClear());

  it("lists open sev3 incidents only, counts each filter's rows, and keeps both filters through a new scope", async () => {
    const user = userEvent.setup();
    renderWithClient(<IncidentListView scope={EVERYTHING} problems={[]} options={options} view={incidentList(incidents, "open", "sev3", 1)} />);
    expect(screen.getByRole("heading", { name: "Open incidents: sev3" })).toBeTruthy();
    expect(screen.getAllByTestId("incident-row").map((r) => within(r).getAllByRole("link")[0].textContent)).toEqual(["cart was OOM-killed"]);
    const states = within(screen.getByRole("navigation", { name: "Incidents by state" }));
    expect(states.getAllByRole("link").map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["all 2", "/incidents?severity=sev3"],
      ["open 1", "/incidents?state=open&severity=sev3"],
      ["resolved 1", "/incidents?state=resolved&severity=sev3"],
    ]);
    const severities = within(screen.getByRole("navigation", { name: "Incidents by severity" }));
    expect(severities.getByRole("link", { name: /^sev2/ }).textContent).toBe("sev2 1");
    await user.selectOptions(screen.getByRole("combobox", { name: "Time range" }), "last 6h");
    expect(push).toHaveBeenLastCalledWith("/incidents?range=6h&state=open&severity=sev3");
  });

  it("says so when no incident of the chosen state is in the scope", () => {
    renderWithClient(<IncidentListView scope={EVERYTHING} problems={[]} options={options} view={incidentList(incidents.filter((i) => i.active), "resolved", null, 1)} />);
    expect(screen.getByText("No resolved incident in this scope.")).toBeTruthy();
    expect(screen.getByTestId("list-range").textContent).toBe("no incidents");
  });
});
