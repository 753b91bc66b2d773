// What the cockpit is narrowed to: kept in the URL (lib/domain/scope.ts reads and writes it), so a scoped
// view can be shared, bookmarked and walked back with the browser's back button.

/** The time range: each panel's own window, the last N minutes, or a fixed span (ISO UTC instants). */
export type TimeRange = { kind: "default" } | { kind: "last"; minutes: number } | { kind: "between"; from: string; to: string };

export type Scope = {
  /** Cluster names; empty means every cluster. */
  clusters: string[];
  /** Namespaces; empty means every namespace. */
  namespaces: string[];
  /** A part of a workload's name, matched case-insensitively; null matches every workload. */
  service: string | null;
  range: TimeRange;
};
