import { describe, expect, it } from "vitest";
import { logStreams, logWindow } from "./service-logs.ts";

const at = Date.parse("2026-12-06T09:00:00Z");
const line = (pod: string, container: string, secondsFromAt: number, message: string, seq = 0) =>
  ({ pod, container, ts: at + secondsFromAt * 1000, seq, level: "info", message });

describe("logs around a chosen moment", () => {
  it("reads from five minutes before to five minutes after", () => {
    expect(logWindow(at)).toEqual({ from: at - 5 * 60_000, to: at + 5 * 60_000 });
    expect(logWindow(at, 1, 2)).toEqual({ from: at - 60_000, to: at + 120_000 });
  });

  it("gives each pod's container its own stream, oldest line first", () => {
    const streams = logStreams([line("checkout-b", "api", 5, "second"), line("checkout-a", "api", 30, "later"), line("checkout-b", "api", -5, "first")], at);
    expect(streams.map((s) => [s.pod, s.container, s.lines.map((l) => l.message)])).toEqual([
      ["checkout-a", "api", ["later"]],
      ["checkout-b", "api", ["first", "second"]],
    ]);
  });

  it("keeps the lines nearest the moment from a chatty container and says how many it left out", () => {
    const lines = [-200, -100, -2, 1, 3, 250].map((s, i) => line("checkout-a", "api", s, `line ${s}`, i));
    const [stream] = logStreams(lines, at, 3);
    expect(stream.lines.map((l) => l.message)).toEqual(["line -2", "line 1", "line 3"]);
    expect(stream.omitted).toBe(3);
  });

  it("puts the containers that logged errors first", () => {
    const failing = { ...line("checkout-z", "api", 1, "panic: config: PAYMENT_URL is not set"), level: "error" };
    const streams = logStreams([line("checkout-a", "api", 0, "order placed"), failing], at);
    expect(streams.map((s) => [s.pod, s.errors])).toEqual([["checkout-z", 1], ["checkout-a", 0]]);
  });
});
