import { describe, expect, it } from "vitest";
import { formatUtcTimeInput, parseUtcTimeInput } from "./utc-time-input.ts";

describe("a responder's UTC time", () => {
  it("reads the time as every page writes it, with or without seconds, T or a UTC suffix", () => {
    expect(parseUtcTimeInput("2026-12-06 09:42")).toEqual({ ok: true, iso: "2026-12-06T09:42:00Z" });
    expect(parseUtcTimeInput(" 2026-12-06T09:42:30Z ")).toEqual({ ok: true, iso: "2026-12-06T09:42:30Z" });
    expect(parseUtcTimeInput("2026-12-06 09:42 UTC")).toEqual({ ok: true, iso: "2026-12-06T09:42:00Z" });
  });

  it("takes a blank field as now on the cluster clock", () => {
    expect(parseUtcTimeInput("  ")).toEqual({ ok: true, iso: null });
  });

  it("refuses a local-looking or ambiguous time, saying how to write it", () => {
    for (const text of ["09:42", "06/12/2026 09:42", "2026-12-06 09:42+01:00", "yesterday", "2026-12-06"]) {
      const parsed = parseUtcTimeInput(text);
      expect(parsed.ok, text).toBe(false);
      expect(!parsed.ok && parsed.error, text).toMatch(/write it in UTC as year-month-day hour:minute, e\.g\. 2026-12-06 09:42$/);
    }
  });

  it("refuses a day or a time of day that does not exist", () => {
    expect(parseUtcTimeInput("2026-02-30 10:00")).toEqual({ ok: false, error: expect.stringContaining("names a day that does not exist") });
    expect(parseUtcTimeInput("2026-12-06 24:00")).toEqual({ ok: false, error: expect.stringContaining("hours go 00–23") });
    expect(parseUtcTimeInput("2026-12-06 09:60")).toEqual({ ok: false, error: expect.stringContaining("minutes and seconds 00–59") });
  });

  it("shows a stored time the way the field accepts it back", () => {
    const iso = "2026-12-06T09:42:00.000Z";
    expect(parseUtcTimeInput(formatUtcTimeInput(iso))).toEqual({ ok: true, iso: "2026-12-06T09:42:00Z" });
  });
});
