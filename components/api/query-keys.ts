import { scopeSearch } from "@/lib/domain/scope.ts";
import type { Scope } from "@/lib/views/scope.ts";

// Every cached query's key in one place, so a mutation invalidates exactly what it changed.
export const queryKeys = {
  /** Every scope's cockpit: what a change to SLOs or incidents makes stale. */
  cockpits: ["cockpit"] as const,
  cockpit: (scope: Scope) => ["cockpit", scopeSearch(scope).toString()] as const,
  incident: (id: string) => ["incident", id] as const,
  shareLinks: (incidentId?: string) => (incidentId ? (["share-links", incidentId] as const) : (["share-links"] as const)),
  sharePreview: (incidentId: string) => ["share-preview", incidentId] as const,
  sharedPage: (token: string) => ["share", token] as const,
  recommendationPatch: (id: string) => ["recommendation-patch", id] as const,
};
