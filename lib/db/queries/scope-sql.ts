import type { Scope } from "@/lib/views/scope.ts";

// The cockpit's scope as SQL: each query names the columns that hold a row's cluster name, namespace
// and workload name, and gets back a predicate with its values appended to `params` (only the parts the
// scope sets, so an unscoped read plans exactly as before). A service search matches a substring of
// the workload's name, ignoring case, as lib/domain/scope.ts's inScope does in the browser.
export type ScopeColumns = { cluster?: string; namespace?: string; name?: string };

export function scopeWhere(scope: Scope, cols: ScopeColumns, params: unknown[]): string {
  const parts: string[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (cols.cluster && scope.clusters.length) parts.push(`${cols.cluster} = ANY(${bind(scope.clusters)}::text[])`);
  if (cols.namespace && scope.namespaces.length) parts.push(`${cols.namespace} = ANY(${bind(scope.namespaces)}::text[])`);
  if (cols.name && scope.service) parts.push(`strpos(lower(${cols.name}), lower(${bind(scope.service)}::text)) > 0`);
  return parts.length ? parts.join(" AND ") : "TRUE";
}

/** True when the scope narrows by where a workload runs or what it is called (not only by time). */
export function narrowsWorkloads(scope: Scope): boolean {
  return scope.clusters.length > 0 || scope.namespaces.length > 0 || scope.service !== null;
}
