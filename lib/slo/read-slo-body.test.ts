import { describe, expect, it } from "vitest";
import { readSloBody } from "./read-slo-body.ts";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://uptrust/api/slos/import", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("an SLO file sent to the import", () => {
  it("is read as text", async () => {
    expect(await readSloBody(post("version: prometheus/v1\n"))).toEqual({ text: "version: prometheus/v1\n" });
  });

  it("an empty body says what to send", async () => {
    expect(await readSloBody(post("  \n"))).toEqual({ status: 400, error: "the body must be an OpenSLO or Sloth YAML file" });
  });

  it("an oversize body is refused with 413 by its declared length, before a byte is read", async () => {
    const body = new ReadableStream({ pull: () => expect.unreachable("the body was read") });
    expect(await readSloBody(post(body, { "content-length": "600000" }), 512 * 1024)).toEqual({
      status: 413,
      error: "an SLO file of 600000 bytes is larger than the 524288 accepted; split it into several imports",
    });
  });

  it("a body that streams past the limit without declaring its length is cut off there", async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const endless = new ReadableStream<Uint8Array>({ pull: (c) => void (sent++, c.enqueue(chunk)) });
    expect(await readSloBody(post(endless), 512 * 1024)).toEqual({ status: 413, error: "an SLO file of more than 524288 bytes is larger than the 524288 accepted; split it into several imports" });
    expect(sent).toBeLessThan(12);
  });

  it("counts bytes, not characters: 300,000 two-byte characters are 600,000 bytes", async () => {
    expect(await readSloBody(post("é".repeat(300_000)), 512 * 1024)).toMatchObject({ status: 413 });
  });
});
