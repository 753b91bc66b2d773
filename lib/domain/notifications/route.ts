import { z } from "zod";
import { SEVERITIES } from "../incident-lifecycle.ts";

// Which channels hear about what. Each channel carries one route; an empty list matches anything, so a
// channel with the empty route hears everything. Exclusions win over inclusions, so "every namespace but
// kube-system" is one line.

const names = z.array(z.string().trim().min(1).max(253)).max(100).default([]);

export const routeSchema = z.object({
  clusters: names,
  namespaces: names,
  excludeNamespaces: names,
  /** The least severe severity that still notifies (sev3: sev1, sev2 and sev3 do; sev4 does not). */
  minSeverity: z.enum(SEVERITIES, { error: "minSeverity must be sev1, sev2, sev3 or sev4" }).nullable().default(null),
  /** Owner handles as incidents carry them (lib/domain/incident-lifecycle.ts); SLOs have none. */
  owners: names,
  /** Whether a message about an opened incident carries a share link (a grant: created only when this says so). */
  shareLink: z.boolean().default(false),
});
export type Route = z.infer<typeof routeSchema>;

export const EVERYTHING: Route = routeSchema.parse({});

/** A stored route; a row written in an older shape routes nothing rather than everything. */
export function storedRoute(value: unknown): Route | null {
  const parsed = routeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What a route is matched against: where the trouble is and how bad. */
export type RoutedSubject = { cluster: string; namespace: string | null; severity: string; owner: string | null };

const listed = (list: readonly string[], value: string | null) => list.length === 0 || (value !== null && list.includes(value));
const rank = (severity: string) => (SEVERITIES as readonly string[]).indexOf(severity);

export function routeMatches(route: Route, s: RoutedSubject): boolean {
  if (s.namespace !== null && route.excludeNamespaces.includes(s.namespace)) return false;
  if (!listed(route.clusters, s.cluster) || !listed(route.namespaces, s.namespace) || !listed(route.owners, s.owner)) return false;
  if (route.minSeverity === null) return true;
  const r = rank(s.severity);
  return r >= 0 && r <= rank(route.minSeverity);
}

export type RoutableChannel = { id: string; route: Route | null };

/** The channels that hear about a subject, each once. */
export function pickChannels<C extends RoutableChannel>(channels: readonly C[], s: RoutedSubject): C[] {
  return channels.filter((c) => c.route !== null && routeMatches(c.route, s));
}

/** The route in words, as the admin page lists it. */
export function describeRoute(route: Route): string {
  const parts = [
    route.clusters.length ? `clusters ${route.clusters.join(", ")}` : null,
    route.namespaces.length ? `namespaces ${route.namespaces.join(", ")}` : null,
    route.excludeNamespaces.length ? `not namespaces ${route.excludeNamespaces.join(", ")}` : null,
    route.minSeverity ? `${route.minSeverity} or worse` : null,
    route.owners.length ? `owners ${route.owners.join(", ")}` : null,
  ].filter(Boolean);
  return `${parts.length ? parts.join("; ") : "everything"}${route.shareLink ? " · with a share link" : ""}`;
}
