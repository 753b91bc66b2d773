import type { IncomingMessage, ServerResponse } from "node:http";
import { randomInt, randomUUID } from "node:crypto";
import { applyDefaults } from "./api-defaults.ts";
import { validationCauses, type Cause } from "./api-validate.ts";
import type { Served } from "./kinds.ts";
import { admitPod, serviceAccountRefusal } from "./pod-admission.ts";
import { createRng, randomSuffix } from "./random.ts";
import { allocateServiceAddresses } from "./service-addresses.ts";
import { sendJson, sendStatus } from "./status.ts";
import type { KObj, Resource, Store } from "./store.ts";

// `kubectl create` against the demo cluster: an SRE can add a Deployment (or a ConfigMap, a pod...)
// and watch the controllers and kubelet run it. Creation is the one write the emulator takes; each
// refusal is the Status a real API server gives for the same body.

const MAX_BODY = 3 * 1024 * 1024; // kube-apiserver's default request body limit

export type CreateTarget = { gv: string; group: string; served: Served & { store: Resource }; namespace?: string };

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

type Refusal = { code: number; reason: "BadRequest" | "Invalid" | "NotFound" | "AlreadyExists" | "Forbidden"; message: string; details?: Record<string, unknown> };

// Kinds whose status the API server keeps (and resets on create); the others have no status at all.
const WITH_STATUS = new Set<Resource>(["deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "horizontalpodautoscalers", "poddisruptionbudgets", "ingresses", "nodes"]);

function initialStatus(resource: Resource, o: KObj) {
  if (resource === "pods") return { phase: "Pending", qosClass: qosClass(o.spec) };
  if (resource === "services") return { loadBalancer: {} };
  if (resource === "namespaces") return o.status;
  return WITH_STATUS.has(resource) ? {} : undefined;
}

/** Guaranteed when every container's requests equal its limits for CPU and memory, BestEffort with none at all. */
function qosClass(spec: KObj["spec"]): string {
  const all: { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }[] = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  const set = (c: (typeof all)[number]) => Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length;
  if (all.every((c) => set(c) === 0)) return "BestEffort";
  const guaranteed = all.every((c) => ["cpu", "memory"].every((r) => c.resources?.limits?.[r] && (c.resources?.requests?.[r] ?? c.resources.limits[r]) === c.resources.limits[r]));
  return guaranteed ? "Guaranteed" : "Burstable";
}

const invalid = (kindName: string, name: string, t: CreateTarget, causes: Cause[]): Refusal => {
  const listed = causes.map((c) => `${c.field}: ${c.message}`);
  const message = `${kindName} "${name}" is invalid: ${listed.length === 1 ? listed[0] : `[${listed.join(", ")}]`}`;
  return { code: 422, reason: "Invalid", message, details: { name, group: t.group || undefined, kind: t.served.kind, causes } };
};

/** Why a body cannot be created here, as the API server says it, or the object to store (defaulted and admitted). */
export function checkCreate(text: string, t: CreateTarget, store: Store): Refusal | { object: KObj } {
  let body: KObj;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return { code: 400, reason: "BadRequest", message: `couldn't get version/kind; json parse error: ${(e as Error).message}` };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body) || !body.kind) return { code: 400, reason: "BadRequest", message: `Object 'Kind' is missing in '${text.slice(0, 200)}'` };
  if (body.kind !== t.served.kind) return { code: 400, reason: "BadRequest", message: `the kind in the data (${body.kind ?? ""}) does not match the expected kind (${t.served.kind})` };
  if (body.apiVersion !== t.gv) return { code: 400, reason: "BadRequest", message: `the API version in the data (${body.apiVersion ?? ""}) does not match the expected API version (${t.gv})` };
  const meta = { ...(body.metadata ?? {}) } as KObj["metadata"];
  const qualified = t.group ? `${t.served.name}.${t.group}` : t.served.name;
  const kindName = t.group ? `${t.served.kind}.${t.group}` : t.served.kind;
  // generateName: the server appends five characters of the alphabet it uses for generated names.
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix(createRng(randomInt(2 ** 31)))}`;
  if (!meta.name) return invalid(kindName, "", t, [{ reason: "FieldValueRequired", message: "Required value: name or generateName is required", field: "metadata.name" }]);
  if (t.served.namespaced && meta.namespace && meta.namespace !== t.namespace) {
    return { code: 400, reason: "BadRequest", message: "the namespace of the provided object does not match the namespace sent on the request" };
  }
  if (t.namespace && !store.get("namespaces", undefined, t.namespace)) {
    return { code: 404, reason: "NotFound", message: `namespaces "${t.namespace}" not found`, details: { name: t.namespace, kind: "namespaces" } };
  }
  if (store.get(t.served.store, t.namespace, meta.name)) {
    return { code: 409, reason: "AlreadyExists", message: `${qualified} "${meta.name}" already exists`, details: { name: meta.name, group: t.group || undefined, kind: t.served.name } };
  }
  // What the server owns is set by the server, whatever the client sent.
  const metadata = { ...meta, ...(t.namespace ? { namespace: t.namespace } : {}), uid: randomUUID() } as Partial<KObj["metadata"]>;
  for (const owned of ["resourceVersion", "creationTimestamp", "managedFields", "generation", "deletionTimestamp"] as const) delete metadata[owned];
  const object = applyDefaults(t.served.store, { ...body, metadata: metadata as KObj["metadata"] });
  const causes = validationCauses(t.served.store, object);
  if (t.served.store === "services" && !causes.length) causes.push(...allocateServiceAddresses(store, object));
  if (causes.length) return invalid(kindName, meta.name, t, causes);
  if (t.served.store === "pods") {
    const refused = serviceAccountRefusal(store, t.namespace!, object.spec, meta.name);
    if (refused) return { code: 403, reason: "Forbidden", message: refused, details: { name: meta.name, kind: "pods" } };
    admitPod(store, t.namespace!, meta.name, object.spec);
  }
  const status = initialStatus(t.served.store, object);
  if (status === undefined) delete object.status;
  else object.status = status;
  return { object };
}

export async function serveCreate(req: IncomingMessage, res: ServerResponse, t: CreateTarget, store: Store, now: number, created: (resource: Resource, o: KObj) => void) {
  // kubectl's typed generators (`kubectl create deployment`) send protobuf; manifests (`kubectl create -f`) go as JSON.
  const type = req.headers["content-type"] ?? "application/json";
  if (!/json/.test(type)) {
    req.resume();
    return sendStatus(res, 415, "UnsupportedMediaType", `the Uptrust demo cluster reads JSON bodies only, not ${type}: create from a manifest instead (kubectl create --validate=false -f FILE; no OpenAPI schema is served)`);
  }
  const text = await readBody(req);
  if (text === undefined) return sendStatus(res, 413, "RequestEntityTooLarge", "the request body is larger than the 3 MiB the API server accepts");
  const checked = checkCreate(text, t, store);
  if (!("object" in checked)) return sendStatus(res, checked.code, checked.reason, checked.message, checked.details);
  const stored = store.create(t.served.store, checked.object, { manager: "kubectl-create", time: now });
  created(t.served.store, stored);
  sendJson(res, 201, stored);
}
