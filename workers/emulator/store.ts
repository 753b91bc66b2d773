import { iso } from "./clock.ts";

export type OwnerRef = { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean };
export type ManagedField = { manager: string; operation: "Update"; apiVersion: string; time: string; fieldsType: "FieldsV1"; fieldsV1: Record<string, unknown>; subresource?: string };
export type Meta = {
  name: string;
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

export const RESOURCES = ["namespaces", "nodes", "pods", "events", "deployments", "replicasets"] as const;
export type Resource = (typeof RESOURCES)[number];
export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";
export type Change = { rv: number; resource: Resource; type: ChangeType; object: KObj; previous?: KObj };

/** Who wrote a change and when (scenario time): ingest dates state changes by managedFields[].time. */
export type Writer = { manager: string; time: number; subresource?: "status" };

export const keyOf = (namespace: string | undefined, name: string) => (namespace ? `${namespace}/${name}` : name);

export class Store {
  private rv = 0;
  private readonly objects = new Map<Resource, Map<string, KObj>>(RESOURCES.map((r) => [r, new Map()]));
  private history: Change[] = [];
  private compactedRv = 0;
  private readonly listeners = new Set<(c: Change) => void>();

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
    const all = [...this.objects.get(resource)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => o);
    return namespace ? all.filter((o) => o.metadata.namespace === namespace) : all;
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
    const stored = structuredClone(object);
    stored.metadata.creationTimestamp ??= iso(writer.time);
    if (stored.spec !== undefined && stored.metadata.generation === undefined && resource !== "pods") stored.metadata.generation = 1;
    stamp(stored, writer, object.status !== undefined && writer.subresource !== "status" ? ["f:metadata", "f:spec"] : undefined);
    return this.commit(resource, "ADDED", stored);
  }

  /** Applies `mutate` to a copy; writes (new RV, managedFields time) only if something changed. */
  update(resource: Resource, namespace: string | undefined, name: string, writer: Writer, mutate: (o: KObj) => void): KObj | undefined {
    const current = this.get(resource, namespace, name);
    if (!current) return undefined;
    const next = structuredClone(current);
    mutate(next);
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (JSON.stringify(next) === JSON.stringify(current)) return current;
    if (resource !== "pods" && JSON.stringify(next.spec) !== JSON.stringify(current.spec)) {
      next.metadata.generation = (current.metadata.generation ?? 0) + 1;
    }
    stamp(next, writer);
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
    const map = this.objects.get(resource)!;
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    if (type === "DELETED") map.delete(key);
    else map.set(key, object);
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
}

function stamp(object: KObj, writer: Writer, fields?: string[]) {
  const entries = (object.metadata.managedFields ??= []);
  const sub = writer.subresource;
  const existing = entries.find((f) => f.manager === writer.manager && f.subresource === sub);
  const time = iso(writer.time);
  if (existing) {
    existing.time = time;
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
