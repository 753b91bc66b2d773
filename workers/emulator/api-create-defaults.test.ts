import { describe, expect, it } from "vitest";
import { checkCreate, type CreateTarget } from "./api-create.ts";
import { imagePullPolicy } from "./api-defaults.ts";
import { findServed, groupOf } from "./kinds.ts";
import { Store, type KObj, type Resource } from "./store.ts";

// What `kubectl create -f` of a real app's manifest reads back: the defaults kube-apiserver fills in,
// the addresses it allocates, the admission it applies and the validation errors it gives, through the
// same function the emulator's POST route calls.

const writer = { manager: "test", time: Date.parse("2026-12-01T10:00:00Z") };

function cluster(opts: { accounts?: string[] } = {}) {
  const store = new Store();
  store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "default", uid: "ns-default", creationTimestamp: "2026-11-01T00:00:00Z" } }, writer);
  for (const name of opts.accounts ?? ["default"]) store.create("serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: "default", uid: `sa-${name}`, creationTimestamp: "2026-11-01T00:00:00Z" } }, writer);
  return store;
}

/** POSTs `body` as kubectl create -f does for its kind, and stores it when accepted. */
function create(store: Store, body: KObj | Record<string, unknown>) {
  const { apiVersion, kind } = body as { apiVersion: string; kind: string };
  const resource = Object.entries({ Deployment: "deployments", Service: "services", Pod: "pods", Secret: "secrets", Job: "jobs" }).find(([k]) => k === kind)![1];
  const served = findServed(apiVersion, resource)!;
  const target: CreateTarget = { gv: apiVersion, group: groupOf(apiVersion), served: { ...served, store: resource as Resource }, namespace: "default" };
  const checked = checkCreate(JSON.stringify(body), target, store);
  if ("object" in checked) store.create(target.served.store, checked.object, writer);
  return checked;
}
const created = (r: ReturnType<typeof create>) => {
  if (!("object" in r)) throw new Error(r.message);
  return r.object;
};

const deployment = (name: string, image: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "server", image, ports: [{ containerPort: 8080 }] }], ...extra } } },
});
const service = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "v1", kind: "Service", metadata: { name }, spec: { selector: { app: name }, ...spec } });

describe("a Deployment created without the fields its manifest leaves out", () => {
  it("gets one replica, a 25 %/25 % rolling update, 10 revisions kept and a 600 s progress deadline", () => {
    const d = created(create(cluster(), deployment("emailservice", "gcr.io/google-samples/microservices-demo/emailservice:v0.10.6")));
    expect(d.spec).toMatchObject({ replicas: 1, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    expect(d.status).toEqual({});
  });

  it("gets the pod defaults a real cluster shows, keeping what the manifest set (a 5 s grace period)", () => {
    const d = created(create(cluster(), deployment("cart", "redis:alpine", { terminationGracePeriodSeconds: 5 })));
    const pod = d.spec.template.spec;
    expect(pod).toMatchObject({ restartPolicy: "Always", dnsPolicy: "ClusterFirst", schedulerName: "default-scheduler", securityContext: {}, terminationGracePeriodSeconds: 5, enableServiceLinks: true });
    expect(pod.containers[0]).toMatchObject({ imagePullPolicy: "IfNotPresent", terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File", resources: {}, ports: [{ containerPort: 8080, protocol: "TCP" }] });
    expect(d.spec.template.metadata.creationTimestamp).toBeNull();
  });

  it("fills a probe's timings and an HTTP probe's path and scheme", () => {
    const probe = { httpGet: { port: 8080 } };
    const d = created(create(cluster(), { ...deployment("web", "nginx:1.27"), spec: { ...deployment("web", "nginx:1.27").spec, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.27", readinessProbe: probe, livenessProbe: { grpc: { port: 3550 } } }] } } } }));
    const c = d.spec.template.spec.containers[0];
    expect(c.readinessProbe).toEqual({ httpGet: { port: 8080, path: "/", scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.livenessProbe.grpc).toEqual({ port: 3550, service: "" });
  });

  it("pulls :latest and untagged images always, tagged and digest-pinned ones if not present", () => {
    expect(["nginx", "nginx:latest", "registry.k8s.io:5000/pause", "redis:alpine", "registry.k8s.io/redis:e2e", "busybox:1.38.0@sha256:fd8d9aa6"].map(imagePullPolicy)).toEqual([
      "Always",
      "Always",
      "Always",
      "IfNotPresent",
      "IfNotPresent",
      "IfNotPresent",
    ]);
  });

  it("is refused, as kube-apiserver refuses it, when its selector does not select its pods", () => {
    const bad = deployment("web", "nginx:1.27");
    bad.spec.template.metadata.labels = { app: "other" };
    expect(create(cluster(), bad)).toMatchObject({
      code: 422,
      reason: "Invalid",
      message: 'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    });
    const noImage = deployment("web", "");
    expect(create(cluster(), noImage)).toMatchObject({ code: 422, message: 'Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value' });
  });
});

describe("a Service created from a manifest", () => {
  it("gets a cluster IP of its own, TCP ports and a target port equal to its port", () => {
    const store = cluster();
    const a = created(create(store, service("redis-replica", { ports: [{ port: 6379 }] })));
    const b = created(create(store, service("redis-master", { ports: [{ port: 6379, targetPort: 6379 }] })));
    expect(a.spec).toMatchObject({ type: "ClusterIP", sessionAffinity: "None", ports: [{ port: 6379, protocol: "TCP", targetPort: 6379 }], ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", internalTrafficPolicy: "Cluster" });
    expect(a.spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(a.spec.clusterIPs).toEqual([a.spec.clusterIP]);
    expect(b.spec.clusterIP).not.toBe(a.spec.clusterIP);
    expect(a.status).toEqual({ loadBalancer: {} });
  });

  it("of type NodePort gets a node port in 30000-32767; a taken address or port is refused by name", () => {
    const store = cluster();
    const front = created(create(store, service("frontend", { type: "NodePort", ports: [{ port: 80 }] })));
    const port = front.spec.ports[0].nodePort;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    expect(front.spec.externalTrafficPolicy).toBe("Cluster");
    expect(create(store, service("copy", { type: "NodePort", ports: [{ port: 80, nodePort: port }] }))).toMatchObject({
      code: 422,
      message: `Service "copy" is invalid: spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated`,
    });
    expect(create(store, service("twin", { clusterIP: front.spec.clusterIP, ports: [{ port: 80 }] }))).toMatchObject({
      code: 422,
      message: `Service "twin" is invalid: spec.clusterIPs: Invalid value: []string{"${front.spec.clusterIP}"}: failed to allocate IP ${front.spec.clusterIP}: provided IP is already allocated`,
    });
    expect(create(store, service("headless", { clusterIP: "None", ports: [] }))).toHaveProperty("object.spec.clusterIPs", ["None"]);
  });
});

describe("a Pod created from a manifest", () => {
  const pod = (account?: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "debug" }, spec: { ...(account ? { serviceAccountName: account } : {}), containers: [{ name: "sh", image: "busybox:1.37" }] } });

  it("runs as its namespace's default account, with the account's token mounted and 300 s on a lost node", () => {
    const p = created(create(cluster(), pod()));
    expect(p.spec).toMatchObject({ serviceAccountName: "default", serviceAccount: "default", priority: 0 });
    const token = p.spec.volumes.find((v: { name: string }) => v.name.startsWith("kube-api-access-"));
    expect(p.spec.containers[0].volumeMounts).toEqual([{ name: token.name, readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" }]);
    expect(p.spec.tolerations.map((t: { key: string; tolerationSeconds: number }) => [t.key, t.tolerationSeconds])).toEqual([
      ["node.kubernetes.io/not-ready", 300],
      ["node.kubernetes.io/unreachable", 300],
    ]);
    expect(p.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  it("naming an account that does not exist is forbidden with the admission plugin's words", () => {
    expect(create(cluster(), pod("frontend"))).toMatchObject({
      code: 403,
      reason: "Forbidden",
      message: 'pods "debug" is forbidden: error looking up service account default/frontend: serviceaccount "frontend" not found',
    });
  });
});

describe("other kinds", () => {
  it("a Secret's stringData is stored base64-encoded in data, and the type defaults to Opaque", () => {
    const s = created(create(cluster(), { apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, stringData: { password: "s3cr3t" } }));
    expect([s.type, s.data, s.stringData]).toEqual(["Opaque", { password: Buffer.from("s3cr3t").toString("base64") }, undefined]);
    expect(s).not.toHaveProperty("status");
  });

  it("a Job selects its own pods by its uid and must not restart them Always", () => {
    const job = { apiVersion: "batch/v1", kind: "Job", metadata: { generateName: "migrate-" }, spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "m", image: "migrate:1" }] } } } };
    const j = created(create(cluster(), job));
    expect(j.metadata.name).toMatch(/^migrate-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: "NonIndexed", suspend: false, selector: { matchLabels: { "batch.kubernetes.io/controller-uid": j.metadata.uid } } });
    expect(j.spec.template.metadata.labels).toMatchObject({ "job-name": j.metadata.name, "batch.kubernetes.io/job-name": j.metadata.name });
    const always = { ...job, metadata: { name: "forever" }, spec: { template: { spec: { containers: [{ name: "m", image: "migrate:1" }] } } } };
    expect(create(cluster(), always)).toMatchObject({ code: 422, message: 'Job.batch "forever" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"' });
  });
});
