import { iso } from "./clock.ts";

export type OwnerRef = { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean };
export type ManagedField = { manager: string; operation: "Update"; apiVersion: string; time: string; fieldsType: "FieldsV1"; fieldsV1: Record<string, unknown>; subresource?: string };
export type Meta = {
  name: string;
  generateName?: string;
  namespace?: string;
  uid: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerRef[];
  managedFields?: ManagedField[];
};
// Kubernetes objects are open-ended JSON; the emulator builds them itself and checks requests at its edges.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KObj = { apiVersion: string; kind: string; metadata: Meta; [field: string]: any };

// Every kind a scenario may create; discovery (kinds.ts) decides which API group serves each one.
export const RESOURCES = [
  "namespaces", "nodes", "pods", "events", "deployments", "replicasets",
  "statefulsets", "daemonsets", "jobs", "cronjobs", "services", "endpointslices", "configmaps", "secrets", "serviceaccounts",
  "horizontalpodautoscalers", "poddisruptionbudgets", "ingresses", "networkpolicies",
  "roles", "rolebindings", "clusterroles", "clusterrolebindings",
] as const;
export type Resource = (typeof RESOURCES)[number];
export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";
export type Change = { rv: number; resource: Resource; type: ChangeType; object: KObj; previous?: KObj };

export type StoreState = { rv: number; compactedRv: number; objects: { resource: Resource; object: KObj }[]; history: Change[] };

/** Who wrote a change and when (scenario time): ingest dates state changes by managedFields[].time. */
export type Writer = { manager: string; time: number; subresource?: "status" };

// Kinds whose registry keeps no metadata.generation, though they have a spec.
const UNVERSIONED_SPEC = new Set<Resource>(["pods", "services", "namespaces", "nodes"]);

export const keyOf = (namespace: string | undefined, name: string) => (namespace ? `${namespace}/${name}` : name);

export class Store {
  private rv = 0;
  private readonly objects = new Map<Resource, Map<string, KObj>>(RESOURCES.map((r) => [r, new Map()]));
  private history: Change[] = [];
  private compactedRv = 0;
  private readonly listeners = new Set<(c: Change) => void>();
  private readonly sortedKeys = new Map<string, string[]>();

  constructor(private readonly historyLimit = 10_000) {}

  resourceVersion() {
    return this.rv;
  }

  /** Watches from an RV at or after this one can be replayed; older ones get 410 Expired. */
  oldestWatchableRv() {
    return this.compactedRv;
  }

  get(resource: Resource, namespace: string | undefined, name: string) {
    return this.objects.get(resource)!.get(keyOf(namespace, name));
  }

  list(resource: Resource, namespace?: string): KObj[] {
    const map = this.objects.get(resource)!;
    const keys = namespace ? this.sortedKeys.get(`${resource}|${namespace}`) ?? [] : this.sortedKeys.get(resource) ?? [];
    return keys.map((k) => map.get(k)!);
  }

  /** Everything a restarted API server serves the same: objects, resourceVersions and watch history. */
  exportState(): StoreState {
    const objects = RESOURCES.flatMap((resource) => this.list(resource).map((object) => ({ resource, object })));
    return { rv: this.rv, compactedRv: this.compactedRv, objects, history: this.history };
  }

  importState(state: StoreState) {
    for (const { resource, object } of state.objects) this.place(resource, object, "ADDED");
    this.rv = state.rv;
    this.compactedRv = state.compactedRv;
    this.history = state.history;
  }

  changesSince(rv: number) {
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.history[mid].rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  subscribe(listener: (c: Change) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create(resource: Resource, object: KObj, writer: Writer): KObj {
    const stored = JSON.parse(JSON.stringify(object)) as KObj;
    stored.metadata.creationTimestamp ??= iso(writer.time);
    if (stored.spec !== undefined && stored.metadata.generation === undefined && !UNVERSIONED_SPEC.has(resource)) stored.metadata.generation = 1;
    stamp(stored, writer, object.status !== undefined && writer.subresource !== "status" ? ["f:metadata", "f:spec"] : undefined);
    return this.commit(resource, "ADDED", stored);
  }

  /** Applies `mutate` to a copy; writes (new RV, managedFields time) only if something changed. */
  update(resource: Resource, namespace: string | undefined, name: string, writer: Writer, mutate: (o: KObj) => void): KObj | undefined {
    const current = this.get(resource, namespace, name);
    if (!current) return undefined;
    // Objects are plain JSON: a JSON round trip copies them several times faster than structuredClone.
    const text = JSON.stringify(current);
    const next = JSON.parse(text) as KObj;
    mutate(next);
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (JSON.stringify(next) === text) return current;
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(current.spec);
    if (!UNVERSIONED_SPEC.has(resource) && specChanged) {
      next.metadata.generation = (current.metadata.generation ?? 0) + 1;
    }
    stamp(next, writer, writer.subresource ? undefined : changedSections(current, next, specChanged));
    return this.commit(resource, "MODIFIED", next, current);
  }

  delete(resource: Resource, namespace: string | undefined, name: string): KObj | undefined {
    const current = this.get(resource, namespace, name);
    if (!current) return undefined;
    const gone = structuredClone(current);
    return this.commit(resource, "DELETED", gone, current);
  }

  /** Forget all history, as an API server does after etcd compaction. */
  compact() {
    this.compactedRv = this.rv;
    this.history = [];
  }

  private commit(resource: Resource, type: ChangeType, object: KObj, previous?: KObj) {
    object.metadata.resourceVersion = String(++this.rv);
    this.place(resource, object, type);
    const change: Change = { rv: this.rv, resource, type, object, previous };
    this.history.push(change);
    if (this.history.length > this.historyLimit * 1.1) {
      const drop = this.history.length - this.historyLimit;
      this.compactedRv = this.history[drop - 1].rv;
      this.history = this.history.slice(drop);
    }
    for (const listener of this.listeners) listener(change);
    return object;
  }

  // Lists stay sorted by key (cluster-wide and per namespace) as objects come and go, so a list of
  // 10,000 pods, or of one namespace's pods, never sorts or scans the whole resource.
  private place(resource: Resource, object: KObj, type: ChangeType) {
    const map = this.objects.get(resource)!;
    const ns = object.metadata.namespace;
    const key = keyOf(ns, object.metadata.name);
    const had = map.has(key);
    if (type === "DELETED") map.delete(key);
    else map.set(key, object);
    if (had === map.has(key)) return;
    for (const index of ns ? [resource, `${resource}|${ns}`] : [resource]) {
      let keys = this.sortedKeys.get(index);
      if (!keys) this.sortedKeys.set(index, (keys = []));
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      if (had) keys.splice(lo, 1);
      else keys.splice(lo, 0, key);
    }
  }
}

/** The top-level sections an update touched, as managedFields' fieldsV1 names them ("f:spec"). */
function changedSections(before: KObj, after: KObj, specChanged: boolean): string[] {
  const meta = (o: KObj) => JSON.stringify({ ...o.metadata, managedFields: undefined, resourceVersion: undefined, generation: undefined });
  const out: string[] = [];
  if (meta(before) !== meta(after)) out.push("f:metadata");
  if (specChanged) out.push("f:spec");
  for (const k of Object.keys(after)) {
    if (!["apiVersion", "kind", "metadata", "spec"].includes(k) && JSON.stringify(after[k as keyof KObj]) !== JSON.stringify(before[k as keyof KObj])) out.push(`f:${k}`);
  }
  return out.length ? out : ["f:metadata"];
}

function stamp(object: KObj, writer: Writer, fields?: string[]) {
  const entries = (object.metadata.managedFields ??= []);
  const sub = writer.subresource;
  const existing = entries.find((f) => f.manager === writer.manager && f.subresource === sub);
  const time = iso(writer.time);
  if (existing) {
    // The API server merges a manager's field set: it owns what it wrote before and what it wrote now.
    existing.time = time;
    for (const k of fields ?? []) existing.fieldsV1[k] ??= {};
    return;
  }
  const keys = fields ?? (sub === "status" ? ["f:status"] : object.spec !== undefined ? ["f:spec"] : ["f:metadata"]);
  const entry: ManagedField = {
    manager: writer.manager,
    operation: "Update",
    apiVersion: object.apiVersion,
    time,
    fieldsType: "FieldsV1",
    fieldsV1: Object.fromEntries(keys.map((k) => [k, {}])),
  };
  if (sub) entry.subresource = sub;
  entries.push(entry);
}
