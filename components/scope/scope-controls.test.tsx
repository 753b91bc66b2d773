import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { EVERYTHING, scopeSearch } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";
import type { ScopeOptions } from "@/lib/views/scope-options.ts";
import { ScopeControls } from "./scope-controls.tsx";
import { ScopeProblems } from "./scope-problems.tsx";

const options: ScopeOptions = {
  clusters: [
    { name: "prod-eu", namespaces: ["payments", "shop"] },
    { name: "staging", namespaces: ["web"] },
  ],
};

// Mounted as a page mounts it: each change becomes the scope (the URL, on a page), and the controls show it.
function Harness({ start = EVERYTHING, seen }: { start?: Scope; seen: Scope[] }) {
  const [scope, setScope] = useState(start);
  const key = scopeSearch(scope).toString();
  return (
    <>
      <ScopeControls key={key} scope={scope} options={options} onChange={(next) => (seen.push(next), setScope(next))} />
      <output data-testid="url">{key}</output>
    </>
  );
}

const url = () => screen.getByTestId("url").textContent;

describe("the scope controls", () => {
  it("narrow to several namespaces at once, offering only those of the chosen cluster", async () => {
    const user = userEvent.setup();
    render(<Harness seen={[]} />);
    await user.click(screen.getByText(/^Clusters:/));
    await user.click(screen.getByRole("checkbox", { name: "prod-eu" }));
    expect(url()).toBe("cluster=prod-eu");
    await user.click(screen.getByText(/^Namespaces:/));
    const namespaces = within(screen.getByTestId("scope-namespaces"));
    expect(namespaces.getAllByRole("checkbox").map((c) => c.closest("label")?.textContent)).toEqual(["payments", "shop"]);
    await user.click(namespaces.getByRole("checkbox", { name: "payments" }));
    await user.click(screen.getByRole("checkbox", { name: "shop" }));
    expect(url()).toBe("cluster=prod-eu&ns=payments&ns=shop");
    expect(screen.getByText(/^Namespaces:/).textContent).toBe("Namespaces: payments, shop");
  });

  it("search for a service when the person presses Enter", async () => {
    const user = userEvent.setup();
    render(<Harness seen={[]} />);
    await user.type(screen.getByRole("searchbox", { name: /Service/ }), "Checkout{Enter}");
    expect(url()).toBe("q=checkout");
  });

  it("offer the time range presets, and a from/to range read as UTC", async () => {
    const user = userEvent.setup();
    const seen: Scope[] = [];
    render(<Harness seen={seen} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Time range" }), "last 6h");
    expect(seen.at(-1)?.range).toEqual({ kind: "last", minutes: 360 });
    await user.selectOptions(screen.getByRole("combobox", { name: "Time range" }), "from … to … (UTC)");
    await user.type(screen.getByLabelText("from (UTC)"), "2026-12-06T09:30");
    await user.type(screen.getByLabelText("to (UTC)"), "2026-12-06T11:00");
    await user.click(screen.getByRole("button", { name: "Apply range" }));
    expect(seen.at(-1)?.range).toEqual({ kind: "between", from: "2026-12-06T09:30:00.000Z", to: "2026-12-06T11:00:00.000Z" });
    expect(url()).toBe("from=2026-12-06T09%3A30%3A00.000Z&to=2026-12-06T11%3A00%3A00.000Z");
  });

  it("refuse a range that ends before it starts, saying why, and keep the scope as it was", async () => {
    const user = userEvent.setup();
    const seen: Scope[] = [];
    render(<Harness seen={seen} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Time range" }), "from … to … (UTC)");
    await user.type(screen.getByLabelText("from (UTC)"), "2026-12-06T11:00");
    await user.type(screen.getByLabelText("to (UTC)"), "2026-12-06T09:30");
    await user.click(screen.getByRole("button", { name: "Apply range" }));
    expect(screen.getByRole("alert").textContent).toMatch(/Time range not applied: from \(2026-12-06T11:00\) must come before to/);
    expect(seen).toEqual([]);
  });

  it("go back to everything in one click", async () => {
    const user = userEvent.setup();
    const start: Scope = { clusters: ["staging"], namespaces: ["web"], service: "site", range: { kind: "last", minutes: 60 } };
    render(<Harness start={start} seen={[]} />);
    expect(screen.getByRole("searchbox", { name: /Service/ })).toHaveProperty("value", "site");
    await user.click(screen.getByRole("button", { name: "Show everything" }));
    expect(url()).toBe("");
  });
});

describe("a link whose scope Uptrust cannot read", () => {
  it("names what was left out instead of silently showing more", () => {
    render(<ScopeProblems problems={["range=2y is not one of 15m, 1h, 6h, 24h, 7d, 30d"]} />);
    expect(screen.getByRole("alert").textContent).toContain("range=2y is not one of 15m, 1h, 6h, 24h, 7d, 30d");
  });
});
