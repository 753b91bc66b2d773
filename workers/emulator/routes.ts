import type { IncomingMessage, ServerResponse } from "node:http";
import { apiGroupList, apiVersions, GROUPS, resourceList, versionInfo, type GroupVersion } from "./discovery.ts";
import type { LogStore } from "./logs.ts";
import { serveLogs } from "./logs-route.ts";
import { metricsList, nodeMetricsList, podMetricsList } from "./metrics.ts";
import { parseFieldSelector, parseLabelSelector, SelectorError, type Matcher } from "./selectors.ts";
import type { ContainerRun } from "./sim/kubelet.ts";
import { sendJson, sendStatus } from "./status.ts";
import { keyOf, type KObj, type Resource, type Store } from "./store.ts";
import { toTable, wantsTable, type IncludeObject } from "./table.ts";
import { serveWatch } from "./watch.ts";

export type ApiContext = {
  store: Store;
  logs: LogStore;
  runs: Map<string, ContainerRun>;
  now(): number;
  host(): string;
  openWatches: Set<() => void>;
  bookmarkEveryMs: number;
};

type Target = { gv: GroupVersion; resource: string; namespace?: string; name?: string; sub?: string };

function parsePath(path: string): Target | GroupVersion | undefined {
  const segs = path.split("/").filter(Boolean);
  let gv: string;
  let rest: string[];
  if (segs[0] === "api" && segs[1] === "v1") [gv, rest] = ["v1", segs.slice(2)];
  else if (segs[0] === "apis" && segs.length >= 3) [gv, rest] = [`${segs[1]}/${segs[2]}`, segs.slice(3)];
  else return undefined;
  if (!(gv in GROUPS)) return undefined;
  const g = gv as GroupVersion;
  if (rest.length === 0) return g;
  if (rest[0] === "namespaces" && rest.length >= 3) return { gv: g, namespace: rest[1], resource: rest[2], name: rest[3], sub: rest[4] };
  return { gv: g, resource: rest[0], name: rest[1], sub: rest[2] };
}

const notFound = (res: ServerResponse, message: string, details?: Record<string, unknown>) => sendStatus(res, 404, "NotFound", message, details);

export function handle(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://emulator");
  const path = url.pathname.replace(/\/+$/, "") || "/";
  if (req.method !== "GET" && req.method !== "HEAD") {
    return sendStatus(res, 405, "MethodNotAllowed", `the Uptrust demo cluster is read-only: ${req.method} is not supported on ${path}`);
  }
  if (path === "/version") return sendJson(res, 200, versionInfo);
  if (path === "/api") return sendJson(res, 200, apiVersions(ctx.host()));
  if (path === "/apis") return sendJson(res, 200, apiGroupList);
  if (path === "/healthz" || path === "/readyz" || path === "/livez") {
    res.writeHead(200, { "content-type": "text/plain" });
    return res.end("ok");
  }
  const target = parsePath(path);
  if (!target) return notFound(res, "the server could not find the requested resource");
  if (typeof target === "string") return sendJson(res, 200, resourceList(target));
  const def = GROUPS[target.gv].find((r) => r.name === target.resource);
  if (!def || (target.namespace !== undefined && !def.namespaced)) return notFound(res, "the server could not find the requested resource");

  let label: Matcher;
  let field: Matcher;
  try {
    label = parseLabelSelector(url.searchParams.get("labelSelector"));
    field = parseFieldSelector(url.searchParams.get("fieldSelector"));
  } catch (e) {
    if (e instanceof SelectorError) return sendStatus(res, 400, "BadRequest", `unable to parse requirement: ${e.message}`);
    throw e;
  }
  const match: Matcher = (o) => label(o) && field(o);

  if (target.gv === "metrics.k8s.io/v1beta1") return serveMetrics(ctx, res, target, label);

  const resource = target.resource as Resource;
  const kind = def.kind;
  const apiVersion = target.gv;
  const q = url.searchParams;
  const include = (q.get("includeObject") as IncludeObject | null) ?? "Metadata";
  const table = wantsTable(req.headers.accept);
  const now = ctx.now();

  if (target.name) {
    const obj = ctx.store.get(resource, target.namespace, target.name);
    if (!obj) return notFound(res, `${resource} "${target.name}" not found`, { name: target.name, kind: resource });
    if (target.sub === "log" && resource === "pods") return serveLogs(req, res, obj, q, ctx.logs, now);
    if (target.sub) return notFound(res, "the server could not find the requested resource");
    return sendJson(res, 200, table ? toTable(resource, [obj], now, include, { resourceVersion: obj.metadata.resourceVersion }) : obj);
  }

  if (q.get("watch") === "1" || q.get("watch") === "true") {
    return serveWatch(req, res, {
      store: ctx.store,
      resource,
      kind,
      apiVersion,
      namespace: target.namespace,
      match,
      resourceVersion: q.get("resourceVersion"),
      bookmarks: q.get("allowWatchBookmarks") === "true",
      bookmarkEveryMs: ctx.bookmarkEveryMs,
      timeoutSeconds: q.get("timeoutSeconds") ? Number(q.get("timeoutSeconds")) : undefined,
      encode: table ? (o: KObj) => toTable(resource, [o], ctx.now(), include) : (o: KObj) => o,
      open: ctx.openWatches,
    });
  }
  return serveList(ctx, res, { resource, kind, apiVersion, namespace: target.namespace, match, q, table, include, now });
}

type ListArgs = { resource: Resource; kind: string; apiVersion: string; namespace?: string; match: Matcher; q: URLSearchParams; table: boolean; include: IncludeObject; now: number };

function serveList(ctx: ApiContext, res: ServerResponse, a: ListArgs) {
  let items = ctx.store.list(a.resource, a.namespace).filter(a.match);
  let rv = String(ctx.store.resourceVersion());
  const token = a.q.get("continue");
  if (token) {
    let parsed: { rv: string; after: string };
    try {
      parsed = JSON.parse(Buffer.from(token, "base64url").toString());
    } catch {
      return sendStatus(res, 400, "BadRequest", "continue key is not valid");
    }
    if (Number(parsed.rv) < ctx.store.oldestWatchableRv()) {
      return sendStatus(res, 410, "Expired", "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
    }
    rv = parsed.rv;
    items = items.filter((o) => keyOf(o.metadata.namespace, o.metadata.name) > parsed.after);
  }
  const meta: Record<string, unknown> = { resourceVersion: rv };
  const limit = Number(a.q.get("limit") ?? 0);
  if (limit > 0 && items.length > limit) {
    const last = items[limit - 1];
    meta.continue = Buffer.from(JSON.stringify({ rv, after: keyOf(last.metadata.namespace, last.metadata.name) })).toString("base64url");
    meta.remainingItemCount = items.length - limit;
    items = items.slice(0, limit);
  }
  if (a.table) return sendJson(res, 200, toTable(a.resource, items, a.now, a.include, meta));
  return sendJson(res, 200, { kind: `${a.kind}List`, apiVersion: a.apiVersion, metadata: meta, items });
}

function serveMetrics(ctx: ApiContext, res: ServerResponse, t: Target, label: Matcher) {
  const now = ctx.now();
  if (t.resource === "nodes") {
    const nodes = ctx.store.list("nodes").filter((n) => label(n) && (!t.name || n.metadata.name === t.name));
    const items = nodeMetricsList(ctx.runs.values(), nodes, now);
    if (t.name) return items[0] ? sendJson(res, 200, items[0]) : notFound(res, `nodemetrics.metrics.k8s.io "${t.name}" not found`);
    return sendJson(res, 200, metricsList("NodeMetricsList", items));
  }
  const pods = ctx.store.list("pods", t.namespace).filter((p) => label(p) && (!t.name || p.metadata.name === t.name));
  const items = podMetricsList(ctx.runs.values(), pods, now, t.namespace);
  if (t.name) return items[0] ? sendJson(res, 200, items[0]) : notFound(res, `podmetrics.metrics.k8s.io "${t.namespace}/${t.name}" not found`);
  return sendJson(res, 200, metricsList("PodMetricsList", items));
}
