// Everything the demo cluster invents (uids, pod names, noise) comes from one seeded generator,
// so two runs with the same seed tell exactly the same story.
export type Rng = { next(): number; int(min: number, max: number): number; pick<T>(xs: readonly T[]): T };

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Stable noise in [0, 1) for a key, e.g. a pod and a metrics minute. */
export const noise = (key: string) => fnv1a(key) / 4294967296;

// The alphabet Kubernetes uses for generated names: no vowels, no look-alikes.
const SAFE = "bcdfghjklmnpqrstvwxz2456789";

export const randomSuffix = (rng: Rng, length = 5) =>
  Array.from({ length }, () => SAFE[Math.floor(rng.next() * SAFE.length)]).join("");

/** A pod-template-hash: the same template always yields the same hash, as in the real controller. */
export function templateHash(template: unknown): string {
  let h = fnv1a(JSON.stringify(template));
  let out = "";
  for (let i = 0; i < 10; i++) {
    out += SAFE[h % SAFE.length];
    h = (Math.floor(h / SAFE.length) ^ fnv1a(out)) >>> 0;
  }
  return out;
}

export function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A uid derived from a key, for objects a controller adds without drawing on the scenario's generator. */
export function stableUuid(key: string): string {
  const hex = [0, 1, 2, 3].map((i) => fnv1a(`${i}|${key}`).toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
