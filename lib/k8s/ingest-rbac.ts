import { POD_LOG_PATH, POLLED_PATHS, WATCHED_PATHS } from "./ingest-api-paths.ts";

// The RBAC permissions the ingest worker needs, derived from the API paths it reads (ingest-api-paths.ts):
// get/list/watch on what it watches, get and list on the metrics it polls, get on pods/log. A permission is
// "group/resource:verb" ("" is the core group), so two rule sets compare as sets of strings whatever their
// grouping, and a wildcard stays visible as "*".

export type PolicyRule = { apiGroups?: string[]; resources?: string[]; verbs: string[] };

/** /api/v1/pods is core pods, /apis/apps/v1/deployments apps deployments, .../pods/{name}/log pods/log. */
export function resourceOfPath(path: string): { group: string; resource: string } {
  const parts = path.split("/").filter(Boolean);
  const [group, rest] = parts[0] === "api" ? ["", parts.slice(2)] : [parts[1], parts.slice(3)];
  const named = rest[0] === "namespaces" && rest.length > 2 ? rest.slice(2) : rest;
  const [resource, , subresource] = named;
  if (!resource) throw new Error(`${path} names no resource`);
  return { group, resource: subresource ? `${resource}/${subresource}` : resource };
}

const WATCH = ["get", "list", "watch"];
const POLL = ["get", "list"];
const FOLLOW = ["get"];

function reads(): { path: string; verbs: string[] }[] {
  return [
    ...Object.values(WATCHED_PATHS).map((path) => ({ path, verbs: WATCH })),
    ...Object.values(POLLED_PATHS).map((path) => ({ path, verbs: POLL })),
    { path: POD_LOG_PATH, verbs: FOLLOW },
  ];
}

export function permissionsOf(rules: readonly PolicyRule[]): string[] {
  const out = new Set<string>();
  for (const rule of rules) {
    for (const group of rule.apiGroups ?? [""]) {
      for (const resource of rule.resources ?? []) for (const verb of rule.verbs) out.add(`${group}/${resource}:${verb}`);
    }
  }
  return [...out].sort();
}

/** The ClusterRole rules ingest needs: one rule per API group and verb set, resources sorted. */
export function ingestClusterRoleRules(): PolicyRule[] {
  const byKey = new Map<string, { group: string; verbs: string[]; resources: string[] }>();
  for (const { path, verbs } of reads()) {
    const { group, resource } = resourceOfPath(path);
    const key = `${group}|${verbs.join(",")}`;
    const entry = byKey.get(key) ?? { group, verbs, resources: [] };
    entry.resources.push(resource);
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .sort((a, b) => a.group.localeCompare(b.group) || b.verbs.length - a.verbs.length)
    .map((e) => ({ apiGroups: [e.group], resources: [...new Set(e.resources)].sort(), verbs: e.verbs }));
}
