import type { KObj, Resource } from "./store.ts";

// What kube-apiserver v1.32 fills in on create (pkg/apis/*/v1/defaults.go and the registries'
// PrepareForCreate), so an object created from a real app's manifest reads back, in `kubectl get -o yaml`
// and in Uptrust's ingest, exactly as it would from a real cluster. Kept to the fields users and
// Uptrust read; nothing here talks to the store (addresses are allocated in service-addresses.ts).

// Any nested part of a manifest (a pod template, a container, a probe): open-ended JSON, as KObj in store.ts.
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const orSet = <T>(o: Obj, key: string, value: T) => {
  if (o[key] === undefined || o[key] === null) o[key] = value;
};

/** Always for `:latest` or no tag, IfNotPresent for any other tag or a digest (SetDefaults_Container). */
export function imagePullPolicy(image: string): "Always" | "IfNotPresent" {
  if (image.includes("@")) return "IfNotPresent";
  const last = image.split("/").at(-1) ?? image;
  const tag = last.includes(":") ? last.slice(last.indexOf(":") + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

function probe(p: Obj | undefined) {
  if (!p) return;
  orSet(p, "timeoutSeconds", 1);
  orSet(p, "periodSeconds", 10);
  orSet(p, "successThreshold", 1);
  orSet(p, "failureThreshold", 3);
  if (p.httpGet) {
    orSet(p.httpGet, "path", "/");
    orSet(p.httpGet, "scheme", "HTTP");
  }
  if (p.grpc) orSet(p.grpc, "service", "");
}

function container(c: Obj) {
  if (typeof c.image === "string") orSet(c, "imagePullPolicy", imagePullPolicy(c.image));
  orSet(c, "terminationMessagePath", "/dev/termination-log");
  orSet(c, "terminationMessagePolicy", "File");
  orSet(c, "resources", {});
  for (const port of c.ports ?? []) orSet(port, "protocol", "TCP");
  for (const p of [c.livenessProbe, c.readinessProbe, c.startupProbe]) probe(p);
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) orSet(e.valueFrom.fieldRef, "apiVersion", "v1");
}

/** SetDefaults_PodSpec and its containers' and volumes' defaults. */
export function defaultPodSpec(spec: Obj) {
  orSet(spec, "restartPolicy", "Always");
  orSet(spec, "terminationGracePeriodSeconds", 30);
  orSet(spec, "dnsPolicy", "ClusterFirst");
  orSet(spec, "securityContext", {});
  orSet(spec, "schedulerName", "default-scheduler");
  orSet(spec, "enableServiceLinks", true);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) container(c);
  for (const v of spec.volumes ?? []) {
    for (const source of [v.secret, v.configMap, v.projected, v.downwardAPI]) if (source) orSet(source, "defaultMode", 420);
    if (v.hostPath) orSet(v.hostPath, "type", "");
  }
}

function defaultTemplate(template: Obj | undefined) {
  if (!template) return;
  template.metadata ??= {};
  // A template's metadata is an ObjectMeta: it serializes with a null creationTimestamp.
  if (!("creationTimestamp" in template.metadata)) template.metadata.creationTimestamp = null;
  template.spec ??= {};
  defaultPodSpec(template.spec);
}

function rollingUpdate(spec: Obj, fallback: Obj) {
  spec.updateStrategy ??= { type: "RollingUpdate" };
  if (spec.updateStrategy.type === "RollingUpdate") spec.updateStrategy.rollingUpdate = { ...fallback, ...spec.updateStrategy.rollingUpdate };
}

function deployment(spec: Obj) {
  orSet(spec, "replicas", 1);
  spec.strategy ??= {};
  orSet(spec.strategy, "type", "RollingUpdate");
  if (spec.strategy.type === "RollingUpdate") spec.strategy.rollingUpdate = { maxUnavailable: "25%", maxSurge: "25%", ...spec.strategy.rollingUpdate };
  orSet(spec, "revisionHistoryLimit", 10);
  orSet(spec, "progressDeadlineSeconds", 600);
  defaultTemplate(spec.template);
}

function statefulSet(spec: Obj) {
  orSet(spec, "replicas", 1);
  orSet(spec, "podManagementPolicy", "OrderedReady");
  rollingUpdate(spec, { partition: 0 });
  orSet(spec, "revisionHistoryLimit", 10);
  spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: "Retain", whenScaled: "Retain", ...spec.persistentVolumeClaimRetentionPolicy };
  defaultTemplate(spec.template);
}

/** A Job's pods carry its uid and name, which its generated selector matches (the registry's PrepareForCreate). */
function job(spec: Obj, meta: { uid: string; name: string }) {
  if (spec.completions == null && spec.parallelism == null) [spec.completions, spec.parallelism] = [1, 1];
  orSet(spec, "parallelism", 1);
  orSet(spec, "backoffLimit", 6);
  orSet(spec, "completionMode", "NonIndexed");
  orSet(spec, "suspend", false);
  orSet(spec, "podReplacementPolicy", "TerminatingOrFailed");
  if (!spec.manualSelector) {
    spec.selector = { matchLabels: { "batch.kubernetes.io/controller-uid": meta.uid } };
    spec.template ??= {};
    spec.template.metadata ??= {};
    const ids = { "controller-uid": meta.uid, "job-name": meta.name };
    const labels = Object.fromEntries(Object.entries(ids).flatMap(([k, v]) => [[`batch.kubernetes.io/${k}`, v], [k, v]]));
    spec.template.metadata.labels = { ...spec.template.metadata.labels, ...labels };
  }
  defaultTemplate(spec.template);
}

function cronJob(spec: Obj) {
  orSet(spec, "concurrencyPolicy", "Allow");
  orSet(spec, "suspend", false);
  orSet(spec, "successfulJobsHistoryLimit", 3);
  orSet(spec, "failedJobsHistoryLimit", 1);
  const j = spec.jobTemplate?.spec;
  if (!j) return;
  if (j.completions == null && j.parallelism == null) [j.completions, j.parallelism] = [1, 1];
  orSet(j, "backoffLimit", 6);
  orSet(j, "completionMode", "NonIndexed");
  orSet(j, "suspend", false);
  orSet(j, "podReplacementPolicy", "TerminatingOrFailed");
  defaultTemplate(j.template);
}

/** Service defaults other than its addresses: session affinity, protocols, target ports, traffic policies. */
function service(spec: Obj) {
  orSet(spec, "type", "ClusterIP");
  if (spec.type === "ExternalName") return;
  orSet(spec, "sessionAffinity", "None");
  for (const p of spec.ports ?? []) {
    orSet(p, "protocol", "TCP");
    orSet(p, "targetPort", p.port);
  }
  orSet(spec, "internalTrafficPolicy", "Cluster");
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") orSet(spec, "externalTrafficPolicy", "Cluster");
  if (spec.type === "LoadBalancer") orSet(spec, "allocateLoadBalancerNodePorts", true);
}

const HPA_BEHAVIOR = {
  scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: "Max", policies: [{ type: "Pods", value: 4, periodSeconds: 15 }, { type: "Percent", value: 100, periodSeconds: 15 }] },
  scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] },
};

function hpa(spec: Obj) {
  orSet(spec, "minReplicas", 1);
  if (!spec.metrics?.length) spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }];
  const behavior = (spec.behavior ??= {});
  for (const dir of ["scaleUp", "scaleDown"] as const) behavior[dir] = { ...HPA_BEHAVIOR[dir], ...behavior[dir] };
}

function networkPolicy(spec: Obj) {
  if (!spec.policyTypes?.length) spec.policyTypes = spec.egress?.length ? ["Ingress", "Egress"] : ["Ingress"];
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) for (const p of rule.ports ?? []) orSet(p, "protocol", "TCP");
}

/** The kinds of subjects in a binding name their API group: rbac for users and groups, the core group for service accounts. */
function bindingSubjects(o: KObj) {
  for (const s of o.subjects ?? []) if (s.kind === "User" || s.kind === "Group") orSet(s, "apiGroup", "rbac.authorization.k8s.io");
}

/** Secret `stringData` is a write-only convenience: the API server merges it into `data`, base64-encoded. */
function secret(o: KObj) {
  orSet(o, "type", "Opaque");
  if (o.stringData) {
    o.data = { ...o.data, ...Object.fromEntries(Object.entries(o.stringData as Record<string, string>).map(([k, v]) => [k, Buffer.from(String(v)).toString("base64")])) };
    delete o.stringData;
  }
}

function namespace(o: KObj) {
  o.metadata.labels = { ...o.metadata.labels, "kubernetes.io/metadata.name": o.metadata.name };
  o.spec = { finalizers: ["kubernetes"], ...o.spec };
  o.status = { phase: "Active" };
}

/** Fills in, in place, what the API server defaults for an object of this kind being created. */
export function applyDefaults(resource: Resource, o: KObj): KObj {
  const spec: Obj | undefined = o.spec;
  switch (resource) {
    case "deployments":
      if (spec) deployment(spec);
      break;
    case "replicasets":
      if (spec) {
        orSet(spec, "replicas", 1);
        defaultTemplate(spec.template);
      }
      break;
    case "statefulsets":
      if (spec) statefulSet(spec);
      break;
    case "daemonsets":
      if (spec) {
        rollingUpdate(spec, { maxUnavailable: 1, maxSurge: 0 });
        orSet(spec, "revisionHistoryLimit", 10);
        defaultTemplate(spec.template);
      }
      break;
    case "jobs":
      if (spec) job(spec, o.metadata);
      break;
    case "cronjobs":
      if (spec) cronJob(spec);
      break;
    case "pods":
      if (spec) defaultPodSpec(spec);
      break;
    case "services":
      if (spec) service(spec);
      break;
    case "horizontalpodautoscalers":
      if (spec) hpa(spec);
      break;
    case "networkpolicies":
      if (spec) networkPolicy(spec);
      break;
    case "rolebindings":
    case "clusterrolebindings":
      bindingSubjects(o);
      break;
    case "secrets":
      secret(o);
      break;
    case "namespaces":
      namespace(o);
      break;
  }
  return o;
}
