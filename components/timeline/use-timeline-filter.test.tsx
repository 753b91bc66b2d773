import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkoutRollout } from "@/lib/domain/checkout-timeline.fixture.ts";
import { TimelinePanel } from "../incident/timeline-panel.tsx";
import { useTimelineFilter } from "./use-timeline-filter.ts";

// The address bar, as Next's router would keep it.
const { url, replace } = vi.hoisted(() => {
  const url = { search: "" };
  const replace = vi.fn((href: string) => {
    url.search = href.includes("?") ? href.slice(href.indexOf("?")) : "";
  });
  return { url, replace };
});
vi.mock("next/navigation", () => ({
  usePathname: () => "/incidents/4f6c2a1e",
  useRouter: () => ({ replace }),
  useSearchParams: () => new URLSearchParams(url.search),
}));

function IncidentTimeline() {
  return <TimelinePanel timeline={checkoutRollout()} filter={useTimelineFilter()} />;
}

describe("the timeline filter in the address", () => {
  beforeEach(() => {
    replace.mockClear();
  });

  it("writes the picked kinds into the URL, keeping the page's other parameters", async () => {
    url.search = "?cluster=uptrust-demo";
    const { rerender } = render(<IncidentTimeline />);
    await userEvent.click(screen.getByRole("button", { name: /^changes/ }));
    expect(replace).toHaveBeenLastCalledWith("/incidents/4f6c2a1e?cluster=uptrust-demo&show=changes", { scroll: false });
    rerender(<IncidentTimeline />);
    expect(screen.getAllByTestId("timeline-entry").map((e) => e.dataset.kind)).toEqual(["change", "change"]);
    await userEvent.click(screen.getByRole("button", { name: /^all kinds/ }));
    expect(replace).toHaveBeenLastCalledWith("/incidents/4f6c2a1e?cluster=uptrust-demo", { scroll: false });
  });

  it("opens a shared link filtered as it was sent, and says which value it did not understand", () => {
    url.search = "?show=logs&show=metrics";
    render(<IncidentTimeline />);
    expect(screen.getAllByTestId("timeline-entry").map((e) => e.dataset.kind)).toEqual(["log"]);
    expect(screen.getByRole("status").textContent).toMatch(/^"metrics" is not a kind of timeline entry; use changes/);
  });
});
