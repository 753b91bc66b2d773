import { createHash } from "node:crypto";
import type { KObj } from "./store.ts";

// Uptrust never needs a secret's values, only that a key exists and whether its content changed.
// The demo cluster therefore never serves them: each value becomes the base64 of "sha256:<hex of the
// decoded content>", still valid base64 for client libraries, equal for equal content, and useless to
// a reader. The last-applied annotation could repeat the values, so it is dropped too.
function redactSecret(secret: KObj): KObj {
  const out: KObj = { ...secret, metadata: { ...secret.metadata } };
  const hash = (b64: string) => Buffer.from(`sha256:${createHash("sha256").update(Buffer.from(b64, "base64")).digest("hex")}`).toString("base64");
  if (secret.data) out.data = Object.fromEntries(Object.entries(secret.data as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, hash(v)]));
  delete out.stringData;
  if (out.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]) {
    out.metadata.annotations = { ...out.metadata.annotations };
    delete out.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"];
  }
  return out;
}

const micro = (ts: string | null | undefined) => (ts ? ts.replace(/(\.\d+)?Z$/, (_m, frac: string | undefined) => `${(frac ?? ".").padEnd(7, "0")}Z`) : null);

/** A core v1 Event in the events.k8s.io/v1 schema, as the API server converts it for newer clients. */
export function toEventsV1(e: KObj): KObj {
  const count: number = e.count ?? 1;
  return {
    apiVersion: "events.k8s.io/v1",
    kind: "Event",
    metadata: e.metadata,
    eventTime: micro(e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp),
    ...(count > 1 ? { series: { count, lastObservedTime: micro(e.lastTimestamp) } } : {}),
    reportingController: e.reportingComponent || e.source?.component || "",
    reportingInstance: e.reportingInstance || e.source?.host || "",
    action: e.action ?? e.reason,
    reason: e.reason,
    regarding: e.involvedObject,
    ...(e.related ? { related: e.related } : {}),
    note: e.message,
    type: e.type,
    ...(e.source ? { deprecatedSource: e.source } : {}),
    ...(e.firstTimestamp ? { deprecatedFirstTimestamp: e.firstTimestamp } : {}),
    ...(e.lastTimestamp ? { deprecatedLastTimestamp: e.lastTimestamp } : {}),
    ...(e.count ? { deprecatedCount: e.count } : {}),
  };
}

const asStored = (o: KObj) => o;

/** How a stored object leaves the API for a given group/version and resource (one function each, so serialized forms can be cached by it). */
export function presenter(gv: string, resource: string): (o: KObj) => KObj {
  if (resource === "secrets") return redactSecret;
  if (gv === "events.k8s.io/v1" && resource === "events") return toEventsV1;
  return asStored;
}
