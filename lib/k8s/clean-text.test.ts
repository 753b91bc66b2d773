import { describe, expect, it } from "vitest";
import { CUT_MARKER, cleanText } from "./clean-text.ts";
import { parseLogLine } from "./parse-log-line.ts";

describe("text from the cluster made storable", () => {
  it("replaces NUL, which PostgreSQL text cannot hold, with the replacement character", () => {
    expect(cleanText("core dumped\u0000\u0000 at 0x0")).toBe("core dumped\uFFFD\uFFFD at 0x0");
  });

  it("cuts a long text with a visible marker instead of silently", () => {
    expect(cleanText("x".repeat(10), 4)).toBe(`xxxx${CUT_MARKER}`);
    expect(cleanText("short", 10)).toBe("short");
  });

  it("a log line with NUL bytes is kept, readable, with its level", () => {
    const line = parseLogLine("2026-12-01T10:00:00.123Z ERROR binary\u0000payload");
    expect(line?.text).toBe("ERROR binary\uFFFDpayload");
    expect(line?.level).toBe("error");
  });
});
