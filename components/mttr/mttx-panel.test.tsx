import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { topMttxServices } from "@/lib/domain/mttx-services.ts";
import type { MttxRow } from "@/lib/views/mttx.ts";
import { MttxPanel } from "./mttx-panel.tsx";

const row = (groupKey: string, incidents: number): MttxRow =>
  ({ metric: "mttr", grouping: "service", groupKey, incidents, meanSeconds: 600, p50Seconds: 600, p90Seconds: 900 });

describe("the cockpit's MTTx panel per service", () => {
  it("charts the services with the most incidents and says how many there are in all", async () => {
    const all = [row("shop/checkout", 4), row("shop/cart", 2), row("pay/ledger", 1)];
    render(<MttxPanel rows={topMttxServices(all, 2)} services={3} />);
    fireEvent.click(screen.getByRole("radio", { name: "per service" }));
    expect(screen.getByText(/Per service/).textContent).toContain("(the 2 services with the most incidents, of 3)");
    await userEvent.click(screen.getByText(/: as a table$/));
    expect(screen.getByRole("table").textContent).toContain("shop/checkout");
    expect(screen.getByRole("table").textContent).not.toContain("pay/ledger");
  });
});
