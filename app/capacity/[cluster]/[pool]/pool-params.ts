import { z } from "zod";

// /capacity/CLUSTER/POOL: a cluster is named after its kubeconfig context (which may hold ":" or "/",
// as EKS ARNs do), a pool after a Kubernetes label value or "default". Anything else names no pool, so
// the page answers 404 rather than querying for it.
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

const schema = z.object({
  cluster: z.string().min(1).max(253).regex(/^[^\u0000-\u001f\u007f]+$/),
  pool: z.string().regex(LABEL_VALUE),
});

// Next has handed segments over both decoded and still percent-encoded across versions; decoding once
// more is harmless for names like these, and a malformed escape is simply not a name.
function decodeOnce(raw: string): string | null {
  if (!/%[0-9A-Fa-f]{2}/.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export function parsePoolParams(raw: { cluster: string; pool: string }): { cluster: string; pool: string } | null {
  const parsed = schema.safeParse({ cluster: decodeOnce(raw.cluster), pool: decodeOnce(raw.pool) });
  return parsed.success ? parsed.data : null;
}
