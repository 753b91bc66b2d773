import type { ServerResponse } from "node:http";
import type { Scope } from "./selectors.ts";
import { listJson } from "./json-cache.ts";
import { sendExpired, sendInvalid, sendJson, sendJsonText, sendStatus } from "./status.ts";
import { keyOf, type KObj, type Resource, type Store } from "./store.ts";
import { toTable, type IncludeObject } from "./table.ts";

export type ListArgs = Scope & {
  q: URLSearchParams;
  table: boolean;
  include: IncludeObject;
  now: number;
  present(o: KObj): KObj;
};

type Cause = { field: string; message: string; reason: string };
const forbidden = (field: string, message: string): Cause => ({ field, message: `Forbidden: ${message}`, reason: "FieldValueForbidden" });

/** The same checks as apimachinery's ValidateListOptions, answered with the same 422 Invalid. */
export function listOptionCauses(q: URLSearchParams, watch: boolean): Cause[] {
  const match = q.get("resourceVersionMatch");
  const rv = q.get("resourceVersion");
  const causes: Cause[] = [];
  if (watch) {
    const initial = q.get("sendInitialEvents") === "true";
    if (initial && q.get("allowWatchBookmarks") !== "true") causes.push(forbidden("allowWatchBookmarks", "sendInitialEvents requires setting allowWatchBookmarks to true"));
    if (initial && match !== "NotOlderThan") causes.push(forbidden("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
    if (!initial && match) causes.push(forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
    return causes;
  }
  if (q.get("sendInitialEvents")) causes.push(forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list"));
  if (!match) return causes;
  if (!rv) causes.push(forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"));
  if (q.get("continue")) causes.push(forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
  if (match === "Exact" && rv === "0") causes.push(forbidden("resourceVersionMatch", 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
  if (match !== "Exact" && match !== "NotOlderThan") {
    causes.push({ field: "resourceVersionMatch", message: `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`, reason: "FieldValueNotSupported" });
  }
  return causes;
}

// A continue token has the shape kube-apiserver gives it (base64 of {v, rv, start}); clients must treat it as opaque.
const encodeContinue = (rv: number, lastKey: string) => Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv, start: `${lastKey}\u0000` })).toString("base64url");

function decodeContinue(token: string): { rv: number; after: string } | string {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(token)) return "illegal base64 data at input byte 0";
  let parsed: { v?: unknown; rv?: unknown; start?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString());
  } catch (e) {
    return (e as Error).message;
  }
  if (parsed?.v !== "meta.k8s.io/v1") return "server does not recognize this encoded version";
  if (!Number.isInteger(parsed.rv) || (parsed.rv as number) <= 0) return "incorrect encoded start resourceVersion (version meta.k8s.io/v1)";
  if (typeof parsed.start !== "string" || !parsed.start.endsWith("\u0000")) return "encoded start key is not valid";
  return { rv: parsed.rv as number, after: parsed.start.slice(0, -1) };
}

/** The resource's objects as they were at `rv`, rebuilt by undoing the later changes in the watch history. */
function snapshotAt(store: Store, resource: Resource, rv: number): KObj[] {
  const current = store.list(resource);
  if (rv >= store.resourceVersion()) return current;
  const byKey = new Map(current.map((o) => [keyOf(o.metadata.namespace, o.metadata.name), o]));
  const later = store.changesSince(rv).filter((c) => c.resource === resource);
  for (let i = later.length - 1; i >= 0; i--) {
    const c = later[i];
    const key = keyOf(c.object.metadata.namespace, c.object.metadata.name);
    if (c.type === "ADDED") byKey.delete(key);
    else byKey.set(key, c.previous!);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => o);
}

const tooOld = (rv: number, oldest: number) => `too old resource version: ${rv} (${oldest})`;
const tooLarge = (res: ServerResponse, rv: number, current: number) =>
  sendStatus(res, 504, "Timeout", `Too large resource version: ${rv}, current: ${current}`, { causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }], retryAfterSeconds: 1 });

export function serveList(res: ServerResponse, a: ListArgs) {
  const { store, q } = a;
  const causes = listOptionCauses(q, false);
  if (causes.length) return sendInvalid(res, "ListOptions", "meta.k8s.io", "", causes);
  const limitText = q.get("limit");
  const limit = limitText ? Number(limitText) : 0;
  if (!Number.isInteger(limit)) return sendStatus(res, 400, "BadRequest", `limit: Invalid value: "${limitText}": must be an integer`);

  const current = store.resourceVersion();
  const oldest = store.oldestWatchableRv();
  const token = q.get("continue");
  const rvText = q.get("resourceVersion");
  let at = current;
  let after: string | undefined;
  if (token) {
    const decoded = decodeContinue(token);
    if (typeof decoded === "string") return sendStatus(res, 400, "BadRequest", `invalid continue token: continue key is not valid: ${decoded}`);
    if (decoded.rv < oldest) {
      return sendExpired(res, "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
    }
    if (rvText && rvText !== "0") return sendStatus(res, 400, "BadRequest", "specifying resource version is not allowed when using continue");
    [at, after] = [decoded.rv, decoded.after];
  } else if (rvText && rvText !== "0") {
    const rv = Number(rvText);
    if (!Number.isInteger(rv) || rv < 0) return sendStatus(res, 400, "BadRequest", `resourceVersion: Invalid value: "${rvText}": must be a valid resourceVersion`);
    if (rv > current) return tooLarge(res, rv, current);
    // Like the watch cache: NotOlderThan answers with the newest state; Exact (or a legacy paged list) with that revision.
    const exact = q.get("resourceVersionMatch") === "Exact" || (!q.get("resourceVersionMatch") && limit > 0);
    if (exact) {
      if (rv < oldest) return sendExpired(res, tooOld(rv, oldest));
      at = rv;
    }
  }

  let items = (at === current ? store.list(a.resource, a.namespace) : snapshotAt(store, a.resource, at).filter((o) => !a.namespace || o.metadata.namespace === a.namespace)).filter(a.match);
  if (after !== undefined) items = items.filter((o) => keyOf(o.metadata.namespace, o.metadata.name) > after);
  const meta: Record<string, unknown> = { resourceVersion: String(at) };
  if (limit > 0 && items.length > limit) {
    const last = items[limit - 1];
    meta.continue = encodeContinue(at, keyOf(last.metadata.namespace, last.metadata.name));
    meta.remainingItemCount = items.length - limit;
    items = items.slice(0, limit);
  }
  if (a.table) return sendJson(res, 200, toTable(a.resource, items, a.now, a.include, meta, a.present));
  return sendJsonText(res, 200, listJson({ kind: `${a.kind}List`, apiVersion: a.apiVersion, metadata: meta }, items, a.present));
}
