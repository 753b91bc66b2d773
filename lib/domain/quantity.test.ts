import { describe, expect, it } from "vitest";
import { parseCpuMillis, parseMemoryBytes, parseQuantity } from "./quantity.ts";

describe("CPU requests and usage in millicores", () => {
  it("reads a quarter core written in millicores", () => expect(parseCpuMillis("250m")).toBe(250));
  it("reads whole and fractional cores", () => {
    expect(parseCpuMillis("1")).toBe(1000);
    expect(parseCpuMillis("0.5")).toBe(500);
    expect(parseCpuMillis("2.25")).toBe(2250);
  });
  it("reads the micro- and nanocores metrics-server reports", () => {
    expect(parseCpuMillis("100u")).toBe(0.1);
    expect(parseCpuMillis("1500000n")).toBe(1.5);
    expect(parseCpuMillis("0")).toBe(0);
  });
  it("reads exponent notation", () => expect(parseCpuMillis("1e-1")).toBe(100));
});

describe("memory requests and usage in bytes", () => {
  it("reads binary units the way kubectl shows them", () => {
    expect(parseMemoryBytes("512Mi")).toBe(512 * 1024 * 1024);
    expect(parseMemoryBytes("1Gi")).toBe(1024 ** 3);
    expect(parseMemoryBytes("1.5Gi")).toBe(1.5 * 1024 ** 3);
  });
  it("reads decimal units as powers of 1000", () => {
    expect(parseMemoryBytes("1G")).toBe(1e9);
    expect(parseMemoryBytes("100k")).toBe(100_000);
  });
  it("reads plain byte counts and exponents", () => {
    expect(parseMemoryBytes("128974848")).toBe(128974848);
    expect(parseMemoryBytes("129e6")).toBe(129_000_000);
  });
  it("rounds a fraction of a byte up to a whole byte", () => expect(parseMemoryBytes("100m")).toBe(1));
});

describe("a manifest with a malformed quantity", () => {
  it("is reported as unknown instead of stopping ingest", () => {
    for (const bad of ["", "abc", "1.2.3", "5 Gi", "Gi", "12MiB", "1e", null, undefined, {}, "--1"]) {
      expect(parseQuantity(bad)).toBeUndefined();
    }
  });
  it("does not accept negative requests", () => {
    expect(parseCpuMillis("-250m")).toBeUndefined();
    expect(parseMemoryBytes("-1Gi")).toBeUndefined();
  });
});
