import { describe, expect, it } from "vitest";
import { axisTicks, burnBucketMs, DEFAULT_SPAN_MS, MAX_SPAN_MS, MIN_SPAN_MS, panWindow, serviceWindow, windowParams, windowQuery, zoomWindow } from "./service-window.ts";
import { HOUR_MS, MINUTE_MS } from "./slo.ts";

const now = Date.parse("2026-12-06T09:30:00Z");

describe("the service page's visible range", () => {
  it("shows the six hours up to the cluster's newest report when the URL names no range", () => {
    expect(serviceWindow({}, now)).toEqual({ from: now - 6 * HOUR_MS, to: now });
  });

  it("keeps a range from the URL as asked", () => {
    const q = windowQuery.parse({ from: "2026-12-06T08:00:00Z", to: "2026-12-06T09:00:00Z" });
    expect(serviceWindow(q, now)).toEqual({ from: Date.parse("2026-12-06T08:00:00Z"), to: Date.parse("2026-12-06T09:00:00Z") });
  });

  it("widens a range shorter than ten minutes around its middle", () => {
    const w = serviceWindow({ from: now - MINUTE_MS, to: now + MINUTE_MS }, now);
    expect(w.to - w.from).toBe(MIN_SPAN_MS);
    expect((w.from + w.to) / 2).toBe(now);
  });

  it("says what to write when a time in the URL is not one", () => {
    const r = windowQuery.safeParse({ from: "yesterday" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("from must be a UTC time such as 2026-12-06T09:30:00Z");
    expect(windowQuery.safeParse({ from: "2026-12-06T09:00:00Z", to: "2026-12-06T08:00:00Z" }).error?.issues[0].message).toBe("from must be earlier than to");
  });

  it("zooms in by half around the moment pointed at, which stays where it was on the axis", () => {
    const w = { from: now - DEFAULT_SPAN_MS, to: now };
    const at = now - 1.5 * HOUR_MS; // three quarters along
    const z = zoomWindow(w, 0.5, at);
    expect(z.to - z.from).toBe(3 * HOUR_MS);
    expect((at - z.from) / (z.to - z.from)).toBeCloseTo(0.75);
  });

  it("never zooms past ten minutes in or thirty days out", () => {
    expect(zoomWindow({ from: now - MIN_SPAN_MS, to: now }, 0.5)).toEqual({ from: now - MIN_SPAN_MS, to: now });
    const out = zoomWindow({ from: now - MAX_SPAN_MS, to: now }, 2);
    expect(out.to - out.from).toBe(MAX_SPAN_MS);
  });

  it("pans by half a span to the earlier or later hours", () => {
    expect(panWindow({ from: now - 2 * HOUR_MS, to: now }, -0.5)).toEqual({ from: now - 3 * HOUR_MS, to: now - HOUR_MS });
  });

  it("draws SLO burn per minute over three hours and per hour over a week", () => {
    expect(burnBucketMs({ from: now - 3 * HOUR_MS, to: now })).toBe(MINUTE_MS);
    expect(burnBucketMs({ from: now - 6 * HOUR_MS, to: now })).toBe(5 * MINUTE_MS);
    expect(burnBucketMs({ from: now - 7 * 24 * HOUR_MS, to: now })).toBe(HOUR_MS);
  });

  it("writes the range into the URL in whole UTC seconds", () => {
    expect(windowParams({ from: now - HOUR_MS + 0.4, to: now })).toEqual({ from: "2026-12-06T08:30:00Z", to: "2026-12-06T09:30:00Z" });
  });
});

describe("the axis's ruler", () => {
  it("marks every hour over six hours and every five minutes over half an hour", () => {
    const six = axisTicks({ from: now - 6 * HOUR_MS, to: now });
    expect(six.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(["04:00", "05:00", "06:00", "07:00", "08:00", "09:00"]);
    expect(axisTicks({ from: now - 30 * MINUTE_MS, to: now }).length).toBe(7);
  });
});
