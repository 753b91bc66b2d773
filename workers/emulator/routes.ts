import type { IncomingMessage, ServerResponse } from "node:http";
import { serveCreate } from "./api-create.ts";
import { serveList, listOptionCauses } from "./api-list.ts";
import { serveMetrics } from "./api-metrics.ts";
import { presenter } from "./api-present.ts";
import { apiGroupList, apiGroupObject, apiVersions, resourceList, versionInfo } from "./discovery.ts";
import { findServed, groupOf, KINDS } from "./kinds.ts";
import type { LogStore } from "./logs.ts";
import { serveLogs } from "./logs-route.ts";
import { parseFieldSelector, parseLabelSelector, SelectorError, type Matcher } from "./selectors.ts";
import type { ContainerRun } from "./sim/kubelet.ts";
import { sendInvalid, sendJson, sendNotFound, sendStatus, sendUnauthorized } from "./status.ts";
import type { KObj, Resource, Store } from "./store.ts";
import { toTable, wantsTable, type IncludeObject } from "./table.ts";
import { jsonOf } from "./json-cache.ts";
import { serveWatch } from "./watch.ts";

export type ApiContext = {
  store: Store;
  logs: LogStore;
  runs: Map<string, ContainerRun>;
  now(): number;
  host(): string;
  openWatches: Set<() => void>;
  bookmarkEveryMs: number;
  /** When set, every request but the health probes must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Called after `kubectl create` stored an object, so the simulation can take it up (a bare pod needs the kubelet). */
  created?(resource: Resource, object: KObj): void;
};

type Target = { gv: string; resource: string; namespace?: string; name?: string; sub?: string; watchPath: boolean };

function parsePath(path: string): Target | { gv: string } | undefined {
  const segs = path.split("/").filter(Boolean);
  let gv: string;
  let rest: string[];
  if (segs[0] === "api" && segs[1] === "v1") [gv, rest] = ["v1", segs.slice(2)];
  else if (segs[0] === "apis" && segs.length >= 3) [gv, rest] = [`${segs[1]}/${segs[2]}`, segs.slice(3)];
  else return undefined;
  if (!(gv in KINDS)) return undefined;
  if (rest.length === 0) return { gv };
  // The legacy /watch/ prefix (e.g. /api/v1/watch/namespaces/shop/pods) is still served by v1.32.
  const watchPath = rest[0] === "watch";
  if (watchPath) rest = rest.slice(1);
  if (rest[0] === "namespaces" && rest.length >= 3) return { gv, namespace: rest[1], resource: rest[2], name: rest[3], sub: rest[4], watchPath };
  return { gv, resource: rest[0], name: rest[1], sub: rest[2], watchPath };
}

const readOnly = (res: ServerResponse, method: string | undefined, path: string) =>
  sendStatus(res, 405, "MethodNotAllowed", `the Uptrust demo cluster takes get, list, watch and create: ${method} is not supported on ${path}`);

function create(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, path: string) {
  const target = parsePath(path);
  if (!target || !("resource" in target)) return notFound(res);
  const served = findServed(target.gv, target.resource);
  if (!served || (target.namespace !== undefined && !served.namespaced) || (served.namespaced && target.namespace === undefined)) return notFound(res);
  if (target.name || target.watchPath || !served.store) return readOnly(res, req.method, path);
  const store = served.store;
  void serveCreate(req, res, { gv: target.gv, group: groupOf(target.gv), served: { ...served, store }, namespace: target.namespace }, ctx.store, ctx.now(), (r, o) => ctx.created?.(r, o)).catch((e: Error) => {
    if (!res.headersSent) sendStatus(res, 500, "InternalError", `emulator error: ${e.message}`);
  });
}

// kube-apiserver's answer for a path no installed API serves (an unserved kind, a typo'd group): kubectl prints
// "the server could not find the requested resource" from it.
const notFound = (res: ServerResponse) => sendStatus(res, 404, "NotFound", "the server could not find the requested resource", {});
const HEALTH = new Set(["/healthz", "/readyz", "/livez"]);

export function handle(ctx: ApiContext, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://emulator");
  const path = url.pathname.replace(/\/+$/, "") || "/";
  if (HEALTH.has(path)) {
    res.writeHead(200, { "content-type": "text/plain" });
    return res.end("ok");
  }
  if (ctx.token && req.headers.authorization !== `Bearer ${ctx.token}`) return sendUnauthorized(res);
  if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") return readOnly(res, req.method, path);
  if (req.method === "POST") return create(ctx, req, res, path);
  if (path === "/version") return sendJson(res, 200, versionInfo);
  if (path === "/api") return sendJson(res, 200, apiVersions(ctx.host()));
  if (path === "/apis") return sendJson(res, 200, apiGroupList());
  const segs = path.split("/").filter(Boolean);
  if (segs[0] === "apis" && segs.length === 2) {
    const group = apiGroupObject(segs[1]);
    return group ? sendJson(res, 200, group) : notFound(res);
  }
  const target = parsePath(path);
  if (!target) return notFound(res);
  if (!("resource" in target)) return sendJson(res, 200, resourceList(target.gv));
  const served = findServed(target.gv, target.resource);
  if (!served || (target.namespace !== undefined && !served.namespaced)) return notFound(res);
  const q = url.searchParams;

  let label: Matcher;
  let field: Matcher;
  try {
    label = parseLabelSelector(q.get("labelSelector"));
  } catch (e) {
    if (!(e instanceof SelectorError)) throw e;
    return sendStatus(res, 400, "BadRequest", e.message.startsWith("unable to parse requirement") ? e.message : `unable to parse requirement: ${e.message}`);
  }
  if (!served.store) return serveMetrics(ctx.store, ctx.runs, ctx.now(), res, target, label);
  const resource = served.store;
  try {
    field = parseFieldSelector(q.get("fieldSelector"), resource);
  } catch (e) {
    if (!(e instanceof SelectorError)) throw e;
    return sendStatus(res, 400, "BadRequest", e.message);
  }

  const group = groupOf(target.gv);
  const present = presenter(target.gv, resource);
  const include = (q.get("includeObject") as IncludeObject | null) ?? "Metadata";
  const table = wantsTable(req.headers.accept);
  const watch = target.watchPath || q.get("watch") === "1" || q.get("watch") === "true";
  const now = ctx.now();

  if (target.name && !watch) {
    const obj = ctx.store.get(resource, target.namespace, target.name);
    if (!obj) return sendNotFound(res, resource, group, target.name);
    if (target.sub === "log" && resource === "pods") return serveLogs(req, res, obj, q, ctx.logs, now);
    if (target.sub) return notFound(res);
    return sendJson(res, 200, table ? toTable(resource, [obj], now, include, { resourceVersion: obj.metadata.resourceVersion }, present) : present(obj));
  }
  // A watch on one object (GET .../pods/name?watch=true) is a watch filtered by name.
  const byName: Matcher = target.name ? (o) => o.metadata.name === target.name : () => true;
  const match: Matcher = (o) => label(o) && field(o) && byName(o);

  if (watch) {
    const causes = listOptionCauses(q, true);
    if (causes.length) return sendInvalid(res, "ListOptions", "meta.k8s.io", "", causes);
    const timeout = q.get("timeoutSeconds");
    return serveWatch(req, res, {
      store: ctx.store,
      resource,
      kind: served.kind,
      apiVersion: target.gv,
      namespace: target.namespace,
      match,
      resourceVersion: q.get("resourceVersion"),
      bookmarks: q.get("allowWatchBookmarks") === "true",
      bookmarkEveryMs: ctx.bookmarkEveryMs,
      timeoutSeconds: timeout && Number(timeout) > 0 ? Number(timeout) : undefined,
      initialEvents: q.get("sendInitialEvents") === "true",
      encode: table ? (o: KObj) => JSON.stringify(toTable(resource, [o], ctx.now(), include, {}, present)) : (o: KObj) => jsonOf(o, present),
      open: ctx.openWatches,
    });
  }
  return serveList(res, { store: ctx.store, resource, kind: served.kind, apiVersion: target.gv, namespace: target.namespace, match, q, table, include, now, present });
}
