import type { ServerResponse } from "node:http";

export type StatusReason = "BadRequest" | "NotFound" | "MethodNotAllowed" | "Expired" | "Gone" | "NotAcceptable" | "InternalError";

export const statusObject = (code: number, reason: StatusReason, message: string, details?: Record<string, unknown>) => ({
  kind: "Status",
  apiVersion: "v1",
  metadata: {},
  status: "Failure",
  message,
  reason,
  ...(details ? { details } : {}),
  code,
});

export function sendJson(res: ServerResponse, code: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(code, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export const sendStatus = (res: ServerResponse, code: number, reason: StatusReason, message: string, details?: Record<string, unknown>) =>
  sendJson(res, code, statusObject(code, reason, message, details));
