// A request body refused before it is parsed when it is larger than its route accepts: by its declared
// Content-Length, else while it streams in, so an oversize body is never held whole.

export type CappedBody = { text: string } | { status: 413; error: string };

/** `tooLarge` words the refusal, given the size seen ("1048577" or "more than 1048576"). */
export async function readCappedBody(req: Request, max: number, tooLarge: (bytes: string) => string): Promise<CappedBody> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > max) return { status: 413, error: tooLarge(String(declared)) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.byteLength;
      if (size > max) {
        await reader.cancel();
        return { status: 413, error: tooLarge(`more than ${max}`) };
      }
      chunks.push(r.value);
    }
  }
  return { text: new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks)) };
}
