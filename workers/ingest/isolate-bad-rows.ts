// A batch PostgreSQL refuses for what is in it (SQLSTATE class 22, data exception: a character it
// cannot store, a number out of range; 23502/23514: a null or check violation) fails the same way on
// every retry, holding up every fact queued behind it. Such a batch is split in halves until the
// refused rows stand alone; those are skipped with their reason, everything else is stored. Other
// failures (connection lost, database restarting) are thrown for the caller to retry.

type PgError = Error & { code?: unknown };

export function isRefusedData(err: unknown): boolean {
  const code = (err as PgError | null)?.code;
  return typeof code === "string" && (code.startsWith("22") || code === "23502" || code === "23514");
}

export async function writeIsolatingRefused<T>(
  write: (items: T[]) => Promise<unknown>,
  items: T[],
  onRefused: (item: T, err: Error) => void,
): Promise<void> {
  try {
    await write(items);
  } catch (err) {
    if (!isRefusedData(err)) throw err;
    if (items.length === 1) return onRefused(items[0], err as Error);
    const half = Math.ceil(items.length / 2);
    await writeIsolatingRefused(write, items.slice(0, half), onRefused);
    await writeIsolatingRefused(write, items.slice(half), onRefused);
  }
}
