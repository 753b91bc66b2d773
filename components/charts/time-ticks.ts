import type { XTick } from "./axis-tick.ts";

const DAY_MS = 86_400_000;

// Labels for a time axis from `from` to `to` (epoch ms): UTC midnights as MM-DD, at most `room` of them; a span
// holding fewer than two midnights names its two ends with their hour instead.
export function timeTicks(from: number, to: number, room: number): XTick[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const at = (t: number) => (t - from) / span;
  const midnights: number[] = [];
  for (let t = Math.ceil(from / DAY_MS) * DAY_MS; t <= to; t += DAY_MS) midnights.push(t);
  if (midnights.length < 2) {
    const label = (t: number) => new Date(t).toISOString().slice(5, 16).replace("T", " ");
    return [{ at: 0, label: label(from), align: "start" }, { at: 1, label: label(to), align: "end" }];
  }
  const k = Math.ceil(midnights.length / room);
  return midnights.filter((_, i) => i % k === 0).map((t) => ({ at: at(t), label: new Date(t).toISOString().slice(5, 10) }));
}
