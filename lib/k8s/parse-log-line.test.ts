import { describe, expect, it } from "vitest";
import { LogMessageAssembler } from "./log-message-assembler.ts";
import { detectLevel, MAX_LINE_BYTES, parseLogLine, TRUNCATION_MARKER } from "./parse-log-line.ts";

describe("a timestamped container log line", () => {
  it("splits the kubelet's RFC3339Nano stamp from the text", () => {
    const l = parseLogLine("2025-03-01T10:00:00.123456789Z hello world");
    expect(l).toEqual({ ts: new Date("2025-03-01T10:00:00.123Z"), text: "hello world", level: null });
  });
  it("accepts stamps without fraction and with offsets", () => {
    expect(parseLogLine("2025-03-01T10:00:00Z x")?.ts).toEqual(new Date("2025-03-01T10:00:00Z"));
    expect(parseLogLine("2025-03-01T12:00:00.5+02:00 x")?.ts).toEqual(new Date("2025-03-01T10:00:00.500Z"));
  });
  it("rejects a line without a stamp", () => expect(parseLogLine("no stamp here")).toBeUndefined());
  it("truncates a line over 16 KiB with a visible marker", () => {
    const l = parseLogLine(`2025-03-01T10:00:00Z ${"x".repeat(40_000)}`);
    expect(Buffer.byteLength(l!.text)).toBeLessThanOrEqual(MAX_LINE_BYTES + Buffer.byteLength(TRUNCATION_MARKER));
    expect(l!.text.endsWith(TRUNCATION_MARKER)).toBe(true);
  });
});

describe("the level Uptrust reads from common log formats", () => {
  it.each([
    ['{"level":"error","msg":"config: PAYMENT_URL is not set"}', "error"],
    ['{"severity":"WARNING","message":"slow"}', "warn"],
    ['{"level":50,"msg":"pino error"}', "error"],
    ['time=2025-03-01 level=warn msg="retrying"', "warn"],
    ['level="info" msg=ok', "info"],
    ["E0102 10:00:00.000000       1 reflector.go:123] failed to list", "error"],
    ["W0102 10:00:00.000000       1 main.go:1] disk almost full", "warn"],
    ["panic: runtime error: index out of range", "fatal"],
    ["2025/03/01 ERROR payment declined", "error"],
    ["[INFO] 10.244.0.5:53 - A IN checkout.shop.svc", "info"],
    ['10.244.1.4 - - "GET / HTTP/1.1" 200 512', null],
  ])("%s → %s", (text, level) => expect(detectLevel(text)).toBe(level));
});

describe("multi-line messages", () => {
  const at = (s: number, text: string) => ({ ts: new Date(1_700_000_000_000 + s), text, level: detectLevel(text) });

  it("keeps a Go panic and its goroutine dump together", () => {
    const a = new LogMessageAssembler();
    const out = [
      a.push(at(0, '{"level":"error","msg":"config: PAYMENT_URL is not set"}')),
      a.push(at(1, "panic: config: PAYMENT_URL is not set")),
      a.push(at(1, "")),
      a.push(at(1, "goroutine 1 [running]:")),
      a.push(at(1, "main.mustConfig({0xc00001e0c0, 0xb})")),
      a.push(at(1, "\t/src/cmd/checkout/config.go:41 +0x1c5")),
      a.push(at(1, "main.main()")),
      a.push(at(2, "next message")),
      a.flush(),
    ].filter(Boolean);
    expect(out.map((m) => m!.level)).toEqual(["error", "fatal", null]);
    expect(out[1]!.text.split("\n")).toHaveLength(6);
    expect(out[1]!.ts).toEqual(new Date(1_700_000_000_001));
  });

  it("keeps a Java stack trace and a Python traceback together, marked as errors", () => {
    const a = new LogMessageAssembler();
    a.push(at(0, "Exception in thread \"main\" java.lang.IllegalStateException: boom"));
    a.push(at(0, "\tat com.acme.Checkout.pay(Checkout.java:42)"));
    a.push(at(0, "Caused by: java.io.IOException"));
    const java = a.push(at(1, "request handled"));
    expect(java!.text.split("\n")).toHaveLength(3);
    expect(java!.level).toBe("error");
    a.push(at(2, "Traceback (most recent call last):"));
    a.push(at(2, '  File "app.py", line 3, in <module>'));
    const py = a.flush();
    expect(py!.level).toBe("error");
  });
});
