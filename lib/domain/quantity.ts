// Kubernetes resource quantities ("250m", "1.5Gi", "129e6") as plain numbers Uptrust can compare and sum.
// The grammar is the API server's: a signed decimal, then either a binary suffix (Ki..Ei, powers of 1024),
// a decimal suffix (n, u, m, "", k, M, G, T, P, E) or a decimal exponent (e3, E-2).
// Bad input gives undefined so one odd manifest never stops ingest or an analyzer.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** The quantity in base units (cores for CPU, bytes for memory), or undefined when it is not a quantity. */
export function parseQuantity(input: unknown): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? input : undefined;
  if (typeof input !== "string") return undefined;
  const match = QUANTITY.exec(input.trim());
  if (!match) return undefined;
  const [, digits, exponent, suffix] = match;
  const base = Number(digits);
  const scale = exponent !== undefined ? 10 ** Number(exponent.slice(1)) : suffix ? (BINARY[suffix] ?? DECIMAL[suffix]) : 1;
  const value = base * scale;
  return Number.isFinite(value) ? value : undefined;
}

/** CPU in millicores ("250m" → 250, "1" → 1000, "1500000n" → 1.5). Negative CPU is not a request. */
export function parseCpuMillis(input: unknown): number | undefined {
  const cores = parseQuantity(input);
  if (cores === undefined || cores < 0) return undefined;
  // Round away float noise (0.1 * 1000 = 100.00000000000001) without losing nanocore precision.
  return Math.round(cores * 1000 * 1e6) / 1e6;
}

/** Memory in whole bytes, rounded up the way the API server does ("100m" of a byte is still a byte). */
export function parseMemoryBytes(input: unknown): number | undefined {
  const bytes = parseQuantity(input);
  if (bytes === undefined || bytes < 0) return undefined;
  // Float noise such as 1.1 * 1000 = 1100.0000000000002 must not add a byte.
  return Math.ceil(Math.round(bytes * 1e6) / 1e6);
}
