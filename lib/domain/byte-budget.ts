// A cluster's containers may log far more than is worth storing (a crash loop printing its stack
// a hundred times a second). Each minute has a byte allowance across all of them; past it, lines
// are dropped until the next minute, so the first lines of a storm (usually the cause) are kept and
// the database and the worker's memory stay bounded. A fixed one-minute window is enough here:
// the aim is a ceiling, not smooth shaping.
export type ByteBudget = { take(bytes: number, now: number): boolean };

export function createByteBudget(bytesPerMinute: number): ByteBudget {
  let windowStart = -Infinity;
  let used = 0;
  return {
    take(bytes, now) {
      if (now - windowStart >= 60_000) {
        windowStart = now - (now % 60_000);
        used = 0;
      }
      if (used + bytes > bytesPerMinute) return false;
      used += bytes;
      return true;
    },
  };
}
