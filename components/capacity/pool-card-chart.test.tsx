import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { thinReadings } from "@/lib/domain/thin-readings.ts";
import type { CapacityForecastRow, CapacityPool } from "@/lib/views/capacity.ts";
import { readoutAt } from "../testing/hover-readout.ts";
import { PoolCardChart } from "./pool-card-chart.tsx";

const GIB = 1024 ** 3;
const forecast: CapacityForecastRow = {
  resource: "cpu", basis: "requests", status: "exhausts", points: 3, historyFrom: "2026-11-25T10:00:00.000Z", historyTo: "2026-11-25T12:00:00.000Z",
  allocatable: 8000, current: 7000, fit: null, exhaustsAt: "2026-11-26T12:00:00.000Z", earliestAt: null, latestAt: null, explanation: "",
  computedAt: "2026-11-25T12:00:00.000Z",
  trend: [{ t: "2026-11-25T10:00:00.000Z", fit: 6500, low: 6000, high: 7000 }, { t: "2026-11-26T12:00:00.000Z", fit: 8000, low: 7000, high: 9000 }],
};
const pool: CapacityPool = {
  cluster: "prod", pool: "general", nodeCount: 2, forecasts: [forecast],
  points: [10, 11, 12].map((h) => ({
    bucket: `2026-11-25T${h}:00:00.000Z`, nodeCount: 2, podCount: 10, allocatableCpuMillis: h === 12 ? 12000 : 8000, allocatableMemoryBytes: 32 * GIB,
    requestedCpuMillis: 6000 + (h - 10) * 500, requestedMemoryBytes: 10 * GIB, usedCpuMillis: 3000, usedMemoryBytes: 4 * GIB, usageSlots: 12,
  })),
  pointEveryHours: 1,
};

describe("a node pool card's capacity chart", () => {
  it("says which line is which and marks where the trend reaches allocatable", () => {
    render(<PoolCardChart pool={pool} resource="cpu" />);
    const chart = screen.getByTestId("capacity-chart");
    for (const name of ["allocatable", "requests", "usage p95", "requests trend"]) expect(within(chart).getByText(name)).toBeTruthy();
    expect(within(chart).getByText("reaches allocatable ~11-26")).toBeTruthy();
    expect(screen.getByText("The trend reaches allocatable around 2026-11-26 12:00 UTC.")).toBeTruthy();
    expect([...chart.querySelectorAll(".yTick")].map((t) => t.textContent)).toEqual(["0", "5", "10", "15 cores"]);
  });

  it("draws allocatable as steps, not a slope, when a node joins", () => {
    render(<PoolCardChart pool={pool} resource="cpu" />);
    const paths = [...screen.getByTestId("capacity-chart").querySelectorAll("path")].map((p) => p.getAttribute("d"));
    expect(paths.filter((d) => d?.includes("H") && d.includes("V"))).toHaveLength(1);
  });

  it("names the figures of the reading nearest the pointer, and lists every reading in its table", async () => {
    render(<PoolCardChart pool={pool} resource="cpu" />);
    const chart = screen.getByTestId("capacity-chart");
    // The axis runs from the trend's first sample (10:00) to its last (a day later, 12:00): 26 hours.
    expect(readoutAt(chart, 1.5 / 26)).toBe("2026-11-25 11:30 UTC: allocatable 8 cores · requests 6.5 cores · usage p95 3 cores");
    expect(readoutAt(chart, 1)).toBe("2026-11-26 12:00 UTC: allocatable 8 cores · trend 8 cores (7–9 cores)");
    await userEvent.click(screen.getByText(/: as a table$/));
    // Three hours and the trend's two samples.
    expect(within(screen.getByRole("table")).getAllByRole("row").slice(1)).toHaveLength(5);
  });

  it("draws two weeks of hours as the thumbnail the cockpit sends, the newest kept, and its table says how far apart", async () => {
    const hours = Array.from({ length: 14 * 24 }, (_, i) => new Date(Date.parse("2026-11-11T12:00:00.000Z") + i * 3_600_000).toISOString());
    const { kept, every } = thinReadings(hours.map((bucket) => ({ ...pool.points[0], bucket })), 60);
    const long: CapacityPool = { ...pool, forecasts: [], points: kept, pointEveryHours: every };
    render(<PoolCardChart pool={long} resource="cpu" />);
    expect(readoutAt(screen.getByTestId("capacity-chart"), 1)).toMatch(/^2026-11-25 11:30 UTC: /);
    await userEvent.click(screen.getByText(/: as a table$/));
    expect(screen.getByRole("table").querySelector("caption")?.textContent).toBe("general cpu every 6 hours (cores)");
    expect(within(screen.getByRole("table")).getAllByRole("row").length - 1).toBeLessThanOrEqual(60);
  });
});
