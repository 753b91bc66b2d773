import { iso } from "../clock.ts";
import { templateHash, uuid } from "../random.ts";
import type { KObj } from "../store.ts";
import type { Sim } from "./context.ts";
import { ownedBy } from "./replicaset-controller.ts";

const KCM = "kube-controller-manager";
const REVISION = "deployment.kubernetes.io/revision";
const source = { component: "deployment-controller" };

const intOrPercent = (v: string | number | undefined, total: number, roundUp: boolean, fallback: number) => {
  if (v === undefined) return fallback;
  if (typeof v === "number") return v;
  const pct = (Number(v.replace("%", "")) * total) / 100;
  return roundUp ? Math.ceil(pct) : Math.floor(pct);
};

const spec = (rs: KObj) => rs.spec.replicas ?? 0;
const available = (rs: KObj) => rs.status?.availableReplicas ?? 0;

/**
 * The rolling-update algorithm of the real deployment controller (surge first, then scale old
 * ReplicaSets down no further than maxUnavailable allows, unhealthy old pods first). One scaling
 * action per call; the caller repeats until nothing changes. Returns whether it wrote anything.
 */
export function syncDeployment(sim: Sim, d: KObj): boolean {
  const { store, sched } = sim;
  const t = sched.now();
  const ns = d.metadata.namespace!;
  const replicas = d.spec.replicas ?? 1;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const surge = intOrPercent(ru.maxSurge, replicas, true, Math.ceil(replicas / 4));
  const maxUnavailable = intOrPercent(ru.maxUnavailable, replicas, false, Math.floor(replicas / 4));
  const hash = templateHash(d.spec.template);
  const all = store.list("replicasets", ns).filter((rs) => ownedBy(rs, d));
  const maxRevision = Math.max(0, ...all.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
  let newRs = all.find((rs) => rs.metadata.labels?.["pod-template-hash"] === hash);
  const old = all.filter((rs) => rs !== newRs).sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1));

  if (!newRs) {
    newRs = createReplicaSet(sim, d, hash, maxRevision + 1, replicas + surge);
    setProgressing(sim, d, "True", "NewReplicaSetCreated", `Created new replica set "${newRs.metadata.name}"`);
    return true;
  }
  const newRev = Number(newRs.metadata.annotations?.[REVISION] ?? 0);
  if (newRev < maxRevision || d.metadata.annotations?.[REVISION] !== String(Math.max(newRev, maxRevision))) {
    // A rollback reuses the old ReplicaSet and gives it the next revision, like `kubectl rollout undo`.
    const rev = String(newRev < maxRevision ? maxRevision + 1 : newRev);
    store.update("replicasets", ns, newRs.metadata.name, { manager: KCM, time: t }, (rs) => {
      rs.metadata.annotations![REVISION] = rev;
    });
    store.update("deployments", ns, d.metadata.name, { manager: KCM, time: t }, (x) => {
      x.metadata.annotations = { ...x.metadata.annotations, [REVISION]: rev };
    });
    return true;
  }

  const current = all.reduce((n, rs) => n + spec(rs), 0);
  let target = spec(newRs);
  if (spec(newRs) > replicas) target = replicas;
  else if (spec(newRs) < replicas && current < replicas + surge) target = Math.min(spec(newRs) + replicas + surge - current, replicas);
  if (target !== spec(newRs)) return scale(sim, d, newRs, target);

  const oldCount = old.reduce((n, rs) => n + spec(rs), 0);
  if (oldCount > 0) {
    const minAvailable = replicas - maxUnavailable;
    const newUnavailable = spec(newRs) - available(newRs);
    let budget = current - minAvailable - newUnavailable;
    if (budget > 0) {
      for (const rs of old) {
        const unhealthy = spec(rs) - available(rs);
        if (budget <= 0 || unhealthy <= 0) continue;
        const down = Math.min(budget, unhealthy);
        return scale(sim, d, rs, spec(rs) - down);
      }
      const totalAvailable = all.reduce((n, rs) => n + available(rs), 0);
      budget = totalAvailable - minAvailable;
      for (const rs of old) {
        if (budget <= 0 || spec(rs) === 0) continue;
        return scale(sim, d, rs, spec(rs) - Math.min(spec(rs), budget));
      }
    }
  }
  return syncStatus(sim, d, newRs, all, replicas, maxUnavailable);
}

function createReplicaSet(sim: Sim, d: KObj, hash: string, revision: number, maxReplicas: number) {
  const t = sim.sched.now();
  const template = structuredClone(d.spec.template);
  template.metadata.labels = { ...template.metadata.labels, "pod-template-hash": hash };
  return sim.store.create(
    "replicasets",
    {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        uid: uuid(sim.rng),
        creationTimestamp: iso(t),
        labels: template.metadata.labels,
        annotations: { "deployment.kubernetes.io/desired-replicas": String(d.spec.replicas ?? 1), "deployment.kubernetes.io/max-replicas": String(maxReplicas), [REVISION]: String(revision) },
        ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas: 0, selector: { matchLabels: { ...d.spec.selector.matchLabels, "pod-template-hash": hash } }, template },
      status: { replicas: 0 },
    },
    { manager: KCM, time: t },
  );
}

function scale(sim: Sim, d: KObj, rs: KObj, to: number) {
  const t = sim.sched.now();
  const from = spec(rs);
  sim.store.update("replicasets", rs.metadata.namespace, rs.metadata.name, { manager: KCM, time: t }, (r) => {
    r.spec.replicas = to;
    r.metadata.annotations!["deployment.kubernetes.io/desired-replicas"] = String(d.spec.replicas ?? 1);
  });
  const verb = to > from ? "up" : "down";
  sim.events.record(t, d, "Normal", "ScalingReplicaSet", `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${to}`, source);
  return true;
}

type Condition = { type: string; status: string; reason: string; message: string; lastUpdateTime: string; lastTransitionTime: string };

function setProgressing(sim: Sim, d: KObj, status: string, reason: string, message: string) {
  const t = sim.sched.now();
  sim.store.update("deployments", d.metadata.namespace, d.metadata.name, { manager: KCM, time: t, subresource: "status" }, (x) => {
    x.status ??= {};
    x.status.conditions = upsert(x.status.conditions ?? [], { type: "Progressing", status, reason, message }, t);
  });
}

function upsert(conditions: Condition[], c: Omit<Condition, "lastUpdateTime" | "lastTransitionTime">, t: number, touch = true) {
  const prev = conditions.find((x) => x.type === c.type);
  const same = prev && prev.status === c.status && prev.reason === c.reason && prev.message === c.message;
  const next: Condition = {
    ...c,
    lastUpdateTime: same && !touch ? prev.lastUpdateTime : iso(t),
    lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : iso(t),
  };
  const order = ["Available", "Progressing"];
  return [...conditions.filter((x) => x.type !== c.type), next].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}

function syncStatus(sim: Sim, d: KObj, newRs: KObj, all: KObj[], replicas: number, maxUnavailable: number) {
  const t = sim.sched.now();
  const sum = (f: (rs: KObj) => number) => all.reduce((n, rs) => n + f(rs), 0);
  const status = {
    observedGeneration: d.metadata.generation,
    replicas: sum((rs) => rs.status?.replicas ?? 0),
    updatedReplicas: newRs.status?.replicas ?? 0,
    readyReplicas: sum((rs) => rs.status?.readyReplicas ?? 0),
    availableReplicas: sum(available),
    unavailableReplicas: Math.max(0, sum(spec) - sum(available)),
  };
  const prev = d.status ?? {};
  const progressed =
    status.updatedReplicas > (prev.updatedReplicas ?? 0) ||
    status.readyReplicas > (prev.readyReplicas ?? 0) ||
    status.availableReplicas > (prev.availableReplicas ?? 0) ||
    status.replicas - status.updatedReplicas < (prev.replicas ?? 0) - (prev.updatedReplicas ?? 0);
  const complete = status.updatedReplicas === replicas && status.availableReplicas === replicas && status.replicas === replicas;
  let conditions: Condition[] = prev.conditions ?? [];
  const isAvailable = status.availableReplicas >= replicas - maxUnavailable;
  conditions = upsert(
    conditions,
    isAvailable
      ? { type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." }
      : { type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability." },
    t,
    false,
  );
  const progressing = conditions.find((c) => c.type === "Progressing");
  const rsName = newRs.metadata.name;
  const deadline = (d.spec.progressDeadlineSeconds ?? 600) * 1000;
  if (complete) {
    conditions = upsert(conditions, { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable", message: `ReplicaSet "${rsName}" has successfully progressed.` }, t, progressing?.reason !== "NewReplicaSetAvailable");
  } else if (progressed) {
    conditions = upsert(conditions, { type: "Progressing", status: "True", reason: "ReplicaSetUpdated", message: `ReplicaSet "${rsName}" is progressing.` }, t);
    sim.sched.after(deadline + 1000, () => sim.requestSync());
  } else if (progressing && progressing.status === "True" && t - Date.parse(progressing.lastUpdateTime) > deadline) {
    conditions = upsert(conditions, { type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded", message: `ReplicaSet "${rsName}" has timed out progressing.` }, t);
  }
  const before = d.metadata.resourceVersion;
  const after = sim.store.update("deployments", d.metadata.namespace, d.metadata.name, { manager: KCM, time: t, subresource: "status" }, (x) => {
    x.status = { ...status, conditions };
  });
  return after?.metadata.resourceVersion !== before;
}
