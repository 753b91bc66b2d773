import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { EVERYTHING } from "@/lib/domain/scope.ts";
import { sampleRows } from "../cockpit/summary-fixture.ts";
import { renderWithClient } from "../testing/render-with-client.tsx";
import { rightsizingList } from "./rightsizing-list.ts";
import { RightsizingListView } from "./rightsizing-list-view.tsx";

// The address bar as Next's router moves it: the last URL pushed.
const { push } = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock("next/navigation", () => ({ usePathname: () => "/rightsizing", useRouter: () => ({ push }) }));

describe("/rightsizing with held suggestions only", () => {
  it("keeps showing held ones when the scope changes", async () => {
    const user = userEvent.setup();
    const options = { clusters: [{ name: "prod-eu", namespaces: ["shop"] }, { name: "staging", namespaces: ["web"] }] };
    renderWithClient(<RightsizingListView scope={EVERYTHING} problems={[]} options={options} view={rightsizingList(sampleRows().recommendations, true, 1)} />);
    expect(screen.getByRole("heading", { name: "Held suggestions" })).toBeTruthy();
    await user.click(screen.getByText(/^Clusters:/));
    await user.click(screen.getByRole("checkbox", { name: "prod-eu" }));
    expect(push).toHaveBeenLastCalledWith("/rightsizing?cluster=prod-eu&held=1");
  });
});
