import type { IncomingMessage, ServerResponse } from "node:http";
import type { Scope } from "./selectors.ts";
import { sendStatus, statusObject } from "./status.ts";
import type { Change, KObj } from "./store.ts";

export type WatchRequest = Scope & {
  resourceVersion: string | null;
  bookmarks: boolean;
  bookmarkEveryMs: number;
  timeoutSeconds?: number;
  /** sendInitialEvents=true: the current state as ADDED, then a bookmark that marks its end (watch-list). */
  initialEvents?: boolean;
  /** The object as the client asked for it, serialized (objects are cached, tables are not). */
  encode(object: KObj): string;
  /** Open streams, so a stop (or a test) can end them all, like an API server restart. */
  open: Set<() => void>;
};


export function serveWatch(req: IncomingMessage, res: ServerResponse, w: WatchRequest) {
  const from = w.resourceVersion && w.resourceVersion !== "0" ? Number(w.resourceVersion) : undefined;
  // A version this server has not reached (another cluster's, or one from before a restore): the watch
  // cache gives up waiting for it and says so, and the client relists.
  if (from !== undefined && from > w.store.resourceVersion()) {
    const message = `Too large resource version: ${from}, current: ${w.store.resourceVersion()}`;
    return sendStatus(res, 504, "Timeout", message, { causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }], retryAfterSeconds: 1 });
  }
  res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked", "cache-control": "no-cache" });
  // Informers wait for headers before they consider the watch open; send them at once.
  res.flushHeaders();
  const sendJson = (type: string, json: string) => res.write(`{"type":"${type}","object":${json}}\n`);
  const send = (type: string, object: unknown) => sendJson(type, JSON.stringify(object));

  if (from !== undefined && (!Number.isFinite(from) || from < w.store.oldestWatchableRv())) {
    const message = `too old resource version: ${w.resourceVersion} (${w.store.oldestWatchableRv()})`;
    send("ERROR", statusObject(410, "Expired", message));
    res.end();
    return;
  }

  const bookmarkObject = (annotations?: Record<string, string>) => ({
    kind: w.kind,
    apiVersion: w.apiVersion,
    metadata: { resourceVersion: String(w.store.resourceVersion()), ...(annotations ? { annotations } : {}) },
  });
  const inScope = (o: KObj | undefined) => !!o && (!w.namespace || o.metadata.namespace === w.namespace) && w.match(o);
  const deliver = (c: Change) => {
    if (c.resource !== w.resource) return;
    const now = inScope(c.object);
    if (c.type === "DELETED") return now && sendJson("DELETED", w.encode(c.object));
    const before = c.type === "MODIFIED" && inScope(c.previous);
    // An object that starts or stops matching the selector appears or disappears for this watcher.
    if (now) sendJson(before ? "MODIFIED" : "ADDED", w.encode(c.object));
    else if (before) sendJson("DELETED", w.encode(c.object));
  };

  if (from === undefined || w.initialEvents) {
    for (const o of w.store.list(w.resource, w.namespace)) if (w.match(o)) sendJson("ADDED", w.encode(o));
    if (w.initialEvents) send("BOOKMARK", bookmarkObject({ "k8s.io/initial-events-end": "true" }));
  } else {
    for (const c of w.store.changesSince(from)) deliver(c);
  }
  const unsubscribe = w.store.subscribe(deliver);

  const bookmark = w.bookmarks ? setInterval(() => send("BOOKMARK", bookmarkObject()), w.bookmarkEveryMs) : undefined;
  const timeout = w.timeoutSeconds ? setTimeout(() => close(), w.timeoutSeconds * 1000) : undefined;
  function close() {
    unsubscribe();
    clearInterval(bookmark);
    clearTimeout(timeout);
    w.open.delete(close);
    if (!res.writableEnded) res.end();
  }
  w.open.add(close);
  req.on("close", close);
  res.on("error", close);
}
