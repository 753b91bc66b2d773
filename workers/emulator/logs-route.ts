import type { IncomingMessage, ServerResponse } from "node:http";
import { isoNano } from "./clock.ts";
import type { LogLine, LogStore } from "./logs.ts";
import { sendStatus } from "./status.ts";
import type { KObj } from "./store.ts";

/** GET pods/{name}/log with kubelet's rules for container, previous, tailLines, sinceSeconds, timestamps and follow. */
export function serveLogs(req: IncomingMessage, res: ServerResponse, pod: KObj, q: URLSearchParams, logs: LogStore, now: number) {
  const { name, namespace } = pod.metadata;
  const names: string[] = pod.spec.containers.map((c: { name: string }) => c.name);
  const container = q.get("container") ?? (names.length === 1 ? names[0] : undefined);
  if (!container) return sendStatus(res, 400, "BadRequest", `a container name must be specified for pod ${name}, choose one of: [${names.join(" ")}]`);
  if (!names.includes(container)) return sendStatus(res, 400, "BadRequest", `container ${container} is not valid for pod ${name}`);
  const cs = pod.status?.containerStatuses?.find((c: { name: string }) => c.name === container);
  const waitingReason = cs?.state?.waiting?.reason ?? "ContainerCreating";
  const restarts: number = cs?.restartCount ?? 0;
  let index: number;
  if (q.get("previous") === "true") {
    if (!cs || restarts === 0) return sendStatus(res, 400, "BadRequest", `previous terminated container "${container}" in pod "${name}" not found`);
    index = restarts - 1;
  } else if (cs && (cs.state?.running || cs.state?.terminated)) {
    index = restarts;
  } else if (cs && restarts > 0) {
    // A container in back-off shows what its last instance printed.
    index = restarts - 1;
  } else {
    return sendStatus(res, 400, "BadRequest", `container "${container}" in pod "${name}" is waiting to start: ${waitingReason}`);
  }

  const key = `${namespace}/${name}`;
  let lines = logs.lines(key, container, index);
  const sinceSeconds = Number(q.get("sinceSeconds") ?? NaN);
  const sinceTime = q.get("sinceTime") ? Date.parse(q.get("sinceTime")!) : NaN;
  if (Number.isFinite(sinceSeconds)) lines = lines.filter((l) => l.time >= now - sinceSeconds * 1000);
  if (Number.isFinite(sinceTime)) lines = lines.filter((l) => l.time >= sinceTime);
  const tail = Number(q.get("tailLines") ?? NaN);
  if (Number.isFinite(tail) && tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  const stamp = q.get("timestamps") === "true";
  const format = (l: LogLine) => (stamp ? `${isoNano(l.time)} ${l.text}\n` : `${l.text}\n`);

  res.writeHead(200, { "content-type": "text/plain", "transfer-encoding": "chunked" });
  res.flushHeaders();
  for (const l of lines) res.write(format(l));
  const live = cs?.state?.running && index === restarts;
  if (q.get("follow") !== "true" || !live) return res.end();
  const stop = logs.follow(key, container, index, { write: (l) => res.write(format(l)), end: () => res.end() });
  req.on("close", () => stop());
}
