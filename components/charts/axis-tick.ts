/** A labelled position on an axis: `at` is a fraction of the plot (from the bottom for y, from the left for x). */
export type AxisTick = { at: number; label: string };

/** An x label: centred on its position unless it names an end of the axis; `span` caps its width (a fraction). */
export type XTick = AxisTick & { span?: number; align?: "start" | "end" };

// Labels closer than a line of text would print over each other: keep them in the caller's order of importance
// (the first always stays) and drop any that would touch one already kept. `length` is the axis in pixels.
export function legibleTicks(byImportance: readonly AxisTick[], length: number, gap = 12): AxisTick[] {
  const kept: AxisTick[] = [];
  for (const t of byImportance) if (kept.every((k) => Math.abs(k.at - t.at) * length >= gap)) kept.push(t);
  return kept.sort((a, b) => a.at - b.at);
}

// Every k-th category label, k chosen so that at most `room` labels share the axis; each may use k bands' width.
export function thinLabels(labels: readonly string[], room: number, at: (i: number) => number): XTick[] {
  const k = Math.max(1, Math.ceil(labels.length / Math.max(1, room)));
  return labels.flatMap((label, i) => (i % k === 0 ? [{ at: at(i), label, span: k / labels.length }] : []));
}
