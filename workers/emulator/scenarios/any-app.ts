import { parseCpuMillis, parseMemoryBytes } from "@/lib/domain/quantity.ts";
import type { Rng } from "../random.ts";
import type { KObj } from "../store.ts";
import type { Behavior } from "../sim/context.ts";
import { between, clf } from "./building-blocks.ts";

// How a container the story does not know runs: an app an SRE created with `kubectl create -f`.
// It is healthy and quiet, as most real services are: it becomes ready when its readiness probe
// would first pass, uses a steady part of what it requests (so right-sizing has something to say,
// as it does about most real requests), and logs what a server of its kind logs: an access log for
// HTTP servers, which Uptrust's request SLOs read, key-value lines for Redis, JSON lines otherwise.

const MI = 1024 * 1024;
const HTTP_PORTS = new Set([80, 443, 3000, 5000, 8000, 8080, 8443, 9000]);
const PATHS = ["/", "/index.html", "/api/items", "/api/items/42", "/static/app.css", "/static/app.js"];

type Container = {
  image: string;
  ports?: { containerPort: number; name?: string }[];
  readinessProbe?: { initialDelaySeconds?: number; periodSeconds?: number; httpGet?: unknown };
  resources?: { requests?: Record<string, string> };
};

/** Seconds from start to Ready: kubelet's first readiness probe passes after its initial delay; no probe, ready at once. */
export function readyAfterSeconds(c: Container): number {
  const probe = c.readinessProbe;
  return probe ? (probe.initialDelaySeconds ?? 0) + 1 : 1;
}

const servesHttp = (c: Container) => !!c.readinessProbe?.httpGet || (c.ports ?? []).some((p) => HTTP_PORTS.has(p.containerPort) || /^https?$/.test(p.name ?? ""));

/** One NCSA combined line with the request time in seconds after it, as nginx and Apache print with $request_time. */
export function accessLine(rng: Rng, t: number) {
  const status = rng.next() < 0.98 ? 200 : 404;
  return `10.244.${rng.int(0, 2)}.${rng.int(2, 250)} - - [${clf(t)}] "GET ${rng.pick(PATHS)} HTTP/1.1" ${status} ${rng.int(200, 12000)} "-" "Mozilla/5.0" ${between(rng, [0.002, 0.08]).toFixed(3)}`;
}

function redisLine(rng: Rng, t: number) {
  const d = new Date(t);
  const stamp = `${d.getUTCDate()} ${d.toUTCString().slice(8, 11)} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
  return `1:M ${stamp} * ${rng.int(1, 100)} changes in 300 seconds. Saving...`;
}

const jsonLine = (rng: Rng) => JSON.stringify({ severity: "info", message: "request served", method: "GET", latency_ms: rng.int(2, 60) });

/** A range around `share` of the request, or the fallback when the container requests nothing. */
const around = (request: number | undefined, share: [number, number], fallback: [number, number]): [number, number] =>
  request ? [Math.max(1, request * share[0]), Math.max(2, request * share[1])] : fallback;

export function appBehavior(pod: KObj): Behavior {
  const c: Container = pod.spec.containers[0];
  const requests = c.resources?.requests ?? {};
  const cpu = parseCpuMillis(requests.cpu);
  const memory = parseMemoryBytes(requests.memory);
  const redis = /(^|\/)redis|redis(slave|-replica)?:/.test(c.image) || (c.ports ?? []).some((p) => p.containerPort === 6379);
  const logLine = servesHttp(c) ? accessLine : redis ? redisLine : jsonLine;
  return {
    readySeconds: readyAfterSeconds(c),
    logEverySeconds: servesHttp(c) ? 10 : 60,
    logLine,
    cpuMilli: around(cpu, [0.1, 0.3], [5, 25]),
    memoryMi: around(memory === undefined ? undefined : memory / MI, [0.35, 0.5], [40, 60]),
  };
}
