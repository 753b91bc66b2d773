// An SLO file as a request body, refused before it is parsed when it is larger than any SLO file needs to
// be: by its declared Content-Length, else while it streams in, so an oversize body is never held whole.

export const MAX_SLO_FILE_BYTES = 512 * 1024;

export type SloBody = { text: string } | { status: 400 | 413; error: string };

const tooLarge = (bytes: string): SloBody => ({
  status: 413,
  error: `an SLO file of ${bytes} bytes is larger than the ${MAX_SLO_FILE_BYTES} accepted; split it into several imports`,
});

export async function readSloBody(req: Request, max = MAX_SLO_FILE_BYTES): Promise<SloBody> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > max) return tooLarge(String(declared));
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.byteLength;
      if (size > max) {
        await reader.cancel();
        return tooLarge(`more than ${max}`);
      }
      chunks.push(r.value);
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  if (text.trim() === "") return { status: 400, error: "the body must be an OpenSLO or Sloth YAML file" };
  return { text };
}
