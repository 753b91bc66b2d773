// What a panel can show instead of its content: the data is on its way, there is none, or it could not be
// read. A panel with its data is "ready" and shows its children.
export type PanelState =
  | { kind: "ready" }
  | { kind: "loading" }
  | { kind: "empty"; message: string }
  | { kind: "error"; message: string };

export const READY: PanelState = { kind: "ready" };

/**
 * A panel's state from its query: an error only while nothing was ever read (once data came, a failed
 * refresh keeps showing it and the page says updates paused), loading until the first answer, empty when
 * the answer holds nothing to show.
 */
export function panelState<T>(
  query: { data: T | undefined; error: Error | null },
  isEmpty: (data: T) => boolean,
  emptyMessage: string,
): PanelState {
  if (query.data === undefined) {
    return query.error ? { kind: "error", message: query.error.message } : { kind: "loading" };
  }
  return isEmpty(query.data) ? { kind: "empty", message: emptyMessage } : READY;
}
