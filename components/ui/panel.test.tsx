import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Panel } from "./panel.tsx";

const rows = <p>checkout is crash-looping</p>;

describe("a panel in each of its states", () => {
  it("shows its content when ready", () => {
    render(<Panel title="Incidents">{rows}</Panel>);
    expect(screen.getByRole("region", { name: "Incidents" }).textContent).toContain("checkout is crash-looping");
  });

  it("says it is loading, busy for assistive technology, and shows no stale content", () => {
    render(<Panel title="Incidents" state={{ kind: "loading" }}>{rows}</Panel>);
    const region = screen.getByRole("region", { name: "Incidents" });
    expect(region.getAttribute("aria-busy")).toBe("true");
    expect(screen.getByRole("status").textContent).toBe("Loading incidents…");
    expect(region.textContent).not.toContain("crash-looping");
  });

  it("says there is nothing, in the panel's own words", () => {
    render(<Panel title="Incidents" state={{ kind: "empty", message: "No open incident." }}>{rows}</Panel>);
    expect(screen.getByRole("region", { name: "Incidents" }).textContent).toContain("No open incident.");
  });

  it("names what could not be read and why, as an alert", () => {
    render(<Panel title="Incidents" state={{ kind: "error", message: "the database is unreachable" }}>{rows}</Panel>);
    expect(screen.getByRole("alert").textContent).toBe("Incidents could not be read: the database is unreachable. Uptrust tries again on its own.");
  });
});
