import { readCappedBody } from "@/lib/http/read-capped-body.ts";

// An SLO file as a request body, refused before it is parsed when it is larger than any SLO file needs to be.

export const MAX_SLO_FILE_BYTES = 512 * 1024;

export type SloBody = { text: string } | { status: 400 | 413; error: string };

export async function readSloBody(req: Request, max = MAX_SLO_FILE_BYTES): Promise<SloBody> {
  const body = await readCappedBody(req, max, (bytes) => `an SLO file of ${bytes} bytes is larger than the ${MAX_SLO_FILE_BYTES} accepted; split it into several imports`);
  if ("error" in body) return body;
  if (body.text.trim() === "") return { status: 400, error: "the body must be an OpenSLO or Sloth YAML file" };
  return body;
}
