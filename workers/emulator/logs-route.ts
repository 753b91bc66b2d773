import type { IncomingMessage, ServerResponse } from "node:http";
import { isoNano } from "./clock.ts";
import type { LogLine, LogStore } from "./logs.ts";
import { sendInvalid, sendStatus } from "./status.ts";
import type { KObj } from "./store.ts";

/** GET pods/{name}/log with kubelet's rules for container, previous, tailLines, sinceSeconds, timestamps and follow. */
export function serveLogs(req: IncomingMessage, res: ServerResponse, pod: KObj, q: URLSearchParams, logs: LogStore, now: number) {
  const { name, namespace } = pod.metadata;
  const invalid = optionCauses(q);
  if (invalid.length) return sendInvalid(res, "PodLogOptions", "", name, invalid);
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
  // limitBytes cuts the stream at that many bytes, possibly mid-line, as kubelet does.
  let budget = q.get("limitBytes") ? Number(q.get("limitBytes")) : Infinity;
  let stop = () => {};
  const write = (l: LogLine) => {
    if (budget <= 0) return;
    const bytes = Buffer.from(format(l));
    res.write(bytes.subarray(0, Math.min(bytes.length, budget)));
    budget -= bytes.length;
    if (budget <= 0) {
      stop();
      res.end();
    }
  };
  for (const l of lines) write(l);
  const live = cs?.state?.running && index === restarts;
  if (q.get("follow") !== "true" || !live || budget <= 0) return res.end();
  stop = logs.follow(key, container, index, { write, end: () => res.end() });
  req.on("close", () => stop());
}

type Cause = { field: string; message: string; reason: string };
const positive = ["sinceSeconds", "limitBytes"];

/** ValidatePodLogOptions: the 422 a real API server gives for impossible log options. */
function optionCauses(q: URLSearchParams): Cause[] {
  const causes: Cause[] = [];
  for (const field of [...positive, "tailLines"]) {
    const text = q.get(field);
    if (text === null) continue;
    const n = Number(text);
    const min = positive.includes(field) ? 1 : 0;
    if (!Number.isInteger(n) || n < min) {
      causes.push({ field, reason: "FieldValueInvalid", message: `Invalid value: ${text}: must be ${min ? "greater than 0" : "greater than or equal to 0"}` });
    }
  }
  if (q.get("sinceTime") !== null && Number.isNaN(Date.parse(q.get("sinceTime")!))) {
    causes.push({ field: "sinceTime", reason: "FieldValueInvalid", message: `Invalid value: "${q.get("sinceTime")}": must be an RFC3339 time` });
  }
  if (q.get("sinceTime") !== null && q.get("sinceSeconds") !== null) {
    causes.push({ field: "sinceSeconds", reason: "FieldValueForbidden", message: "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified" });
  }
  return causes;
}
