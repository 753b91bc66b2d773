// A responder back-dates an action ("we rolled back at 09:42") in the clock every Uptrust page shows:
// UTC, written as the pages write it, "2026-12-06 09:42". The browser's own zone never enters: a
// datetime-local field would read the same digits as local time on one laptop and as UTC on another.
// Parsing is strict; anything else gets a sentence saying how to write it.

export type UtcTimeInput = { ok: true; iso: string | null } | { ok: false; error: string };

const SHAPE = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(?:\s*(?:Z|UTC))?$/i;
const HOW = "write it in UTC as year-month-day hour:minute, e.g. 2026-12-06 09:42";

/** The ISO time a typed UTC time stands for; blank means "now on the cluster clock" (null). */
export function parseUtcTimeInput(text: string): UtcTimeInput {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, iso: null };
  const m = SHAPE.exec(trimmed);
  if (!m) return { ok: false, error: `"${trimmed}" is not a time Uptrust can read; ${HOW}` };
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, error: `"${trimmed}" has no such time of day; hours go 00–23, minutes and seconds 00–59` };
  }
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day), hour, minute, second);
  const date = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a date that does not come back as typed does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) {
    return { ok: false, error: `"${trimmed}" names a day that does not exist; ${HOW}` };
  }
  return { ok: true, iso: date.toISOString().replace(".000Z", "Z") };
}

/** An ISO time as the respond form shows and accepts it: "2026-12-06 09:42" (UTC). */
export function formatUtcTimeInput(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
