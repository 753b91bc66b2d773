import type { ServerResponse } from "node:http";

export type StatusReason =
  | "BadRequest"
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "MethodNotAllowed"
  | "Conflict"
  | "AlreadyExists"
  | "Invalid"
  | "Expired"
  | "Gone"
  | "NotAcceptable"
  | "RequestEntityTooLarge"
  | "UnsupportedMediaType"
  | "TooManyRequests"
  | "InternalError"
  | "ServiceUnavailable"
  | "Timeout";

export type StatusDetails = { name?: string; group?: string; kind?: string; causes?: { reason?: string; message: string; field?: string }[]; retryAfterSeconds?: number };

export const statusObject = (code: number, reason: StatusReason, message: string, details?: StatusDetails | Record<string, unknown>) => ({
  kind: "Status",
  apiVersion: "v1",
  metadata: {},
  status: "Failure",
  message,
  reason,
  ...(details ? { details } : {}),
  code,
});

export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}) {
  sendJsonText(res, code, JSON.stringify(body), headers);
}

export function sendJsonText(res: ServerResponse, code: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(code, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export const sendStatus = (res: ServerResponse, code: number, reason: StatusReason, message: string, details?: StatusDetails | Record<string, unknown>, headers?: Record<string, string>) =>
  sendJson(res, code, statusObject(code, reason, message, details), headers);

/** 404 for a named object, worded as the API server words it: `deployments.apps "x" not found`. */
export function sendNotFound(res: ServerResponse, resource: string, group: string, name: string) {
  const qualified = group ? `${resource}.${group}` : resource;
  sendStatus(res, 404, "NotFound", `${qualified} "${name}" not found`, { name, ...(group ? { group } : {}), kind: resource });
}

/** 422 Invalid for a bad options object (ListOptions, PodLogOptions), one cause per field. */
export function sendInvalid(res: ServerResponse, kind: string, group: string, name: string, causes: { field: string; message: string; reason: string }[]) {
  const qualified = group ? `${kind}.${group}` : kind;
  const message = `${qualified} "${name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(", ")}`;
  sendStatus(res, 422, "Invalid", message, { name, group: group || undefined, kind, causes: causes.map((c) => ({ reason: c.reason, message: c.message, field: c.field })) });
}

/** 401 as kube-apiserver sends it: client-go and kubectl turn it into "You must be logged in to the server (Unauthorized)". */
export const sendUnauthorized = (res: ServerResponse) => sendStatus(res, 401, "Unauthorized", "Unauthorized", undefined, { "www-authenticate": 'Bearer realm="kubernetes"' });

/**
 * 429 with Retry-After, as API Priority and Fairness answers an overloaded server; client-go waits
 * Retry-After seconds and retries, so a fault that uses this exercises Uptrust's backoff the real way.
 */
export const sendTooManyRequests = (res: ServerResponse, retryAfterSeconds: number, message = "Too many requests, please try again later.") =>
  sendStatus(res, 429, "TooManyRequests", message, { retryAfterSeconds, causes: [{ reason: "TooManyRequests", message }] }, { "retry-after": String(retryAfterSeconds) });

/** 410 Expired, the answer to a resourceVersion or continue token older than the kept history. */
export const sendExpired = (res: ServerResponse, message: string) => sendStatus(res, 410, "Expired", message);
