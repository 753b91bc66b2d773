import { describe, expect, it } from "vitest";
import {
  budgetHealth, burnSeries, formatBurn, formatBytes, formatCpu, formatDuration, formatPercent,
  formatTarget, formatUtc, formatUtcSeconds,
} from "./format.ts";
import { changedFields } from "./timeline/change-diff.ts";

describe("numbers a responder reads", () => {
  it("shows budget left as a percentage with one decimal", () => {
    expect(formatPercent(0.625)).toBe("62.5 %");
    expect(formatPercent(1)).toBe("100 %");
    expect(formatPercent(0)).toBe("0 %");
  });

  it("keeps the precision of an SLO target", () => {
    expect(formatTarget(0.999)).toBe("99.9 %");
    expect(formatTarget(0.9995)).toBe("99.95 %");
  });

  it("writes burn rates as multiples of the sustainable rate", () => {
    expect(formatBurn(14.4)).toBe("14.4×");
    expect(formatBurn(1)).toBe("1×");
    expect(formatBurn(0.5)).toBe("0.5×");
    expect(formatBurn(1000)).toBe("1000×");
    expect(formatBurn(null)).toBe("–");
  });

  it("writes durations the way people say them", () => {
    expect(formatDuration(200)).toBe("3m 20s");
    expect(formatDuration(45)).toBe("45s");
    expect(formatDuration(3600)).toBe("1h");
    expect(formatDuration(3725)).toBe("1h 2m");
    expect(formatDuration(90_000)).toBe("1d 1h");
  });

  it("uses Kubernetes units for requests", () => {
    expect(formatCpu(250)).toBe("250m CPU");
    expect(formatCpu(1500)).toBe("1.5 CPU");
    expect(formatCpu(null)).toBe("not set");
    expect(formatBytes(512 * 1024 ** 2)).toBe("512 MiB");
    expect(formatBytes(1.5 * 1024 ** 3)).toBe("1.5 GiB");
    expect(formatBytes(100 * 1024 ** 2)).toBe("100 MiB");
  });

  it("prints times in UTC, identical on server and browser", () => {
    expect(formatUtc("2026-11-25T14:03:59.000Z")).toBe("2026-11-25 14:03 UTC");
    expect(formatUtcSeconds("2026-11-25T14:03:59.000Z")).toBe("2026-11-25 14:03:59");
  });
});

describe("budget health colour", () => {
  it("is red only for a page or an exhausted budget", () => {
    expect(budgetHealth(0.5, "page")).toBe("bad");
    expect(budgetHealth(0, null)).toBe("bad");
    expect(budgetHealth(0.1, null)).toBe("warn");
    expect(budgetHealth(0.9, "ticket")).toBe("warn");
    expect(budgetHealth(0.9, null)).toBe("ok");
  });
});

describe("chart series", () => {
  it("labels burn points by hour and keeps gaps", () => {
    expect(burnSeries([{ hour: "2026-11-25T13:00:00.000Z", burn: 14.4444 }, { hour: "2026-11-25T14:00:00.000Z", burn: null }]))
      .toEqual([{ label: "13:00", burn: 14.44 }, { label: "14:00", burn: null }]);
  });
});

describe("change diff", () => {
  it("names the image that changed between two pod templates", () => {
    const before = { containers: [{ name: "api", image: "shop/api:1.4.2", cpu: "250m" }], replicas: 3 };
    const after = { containers: [{ name: "api", image: "shop/api:1.5.0", cpu: "250m" }], replicas: 3 };
    expect(changedFields(before, after)).toEqual([
      { field: "containers.api.image", before: "shop/api:1.4.2", after: "shop/api:1.5.0" },
    ]);
  });

  it("reports added and removed fields", () => {
    expect(changedFields({ a: 1 }, { b: 2 })).toEqual([
      { field: "a", before: "1", after: "(none)" },
      { field: "b", before: "(none)", after: "2" },
    ]);
  });
});
