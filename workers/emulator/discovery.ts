type Res = { name: string; kind: string; namespaced: boolean; shortNames?: string[]; verbs?: string[]; singularName?: string; categories?: string[] };

const READ = ["get", "list", "watch"];
const resource = (r: Res) => ({ singularName: r.singularName ?? r.kind.toLowerCase(), verbs: READ, ...r });

export const GROUPS = {
  "v1": [
    resource({ name: "namespaces", kind: "Namespace", namespaced: false, shortNames: ["ns"] }),
    resource({ name: "nodes", kind: "Node", namespaced: false, shortNames: ["no"] }),
    resource({ name: "pods", kind: "Pod", namespaced: true, shortNames: ["po"], categories: ["all"] }),
    resource({ name: "pods/log", kind: "Pod", namespaced: true, verbs: ["get"], singularName: "" }),
    resource({ name: "events", kind: "Event", namespaced: true, shortNames: ["ev"] }),
  ],
  "apps/v1": [
    resource({ name: "deployments", kind: "Deployment", namespaced: true, shortNames: ["deploy"], categories: ["all"] }),
    resource({ name: "replicasets", kind: "ReplicaSet", namespaced: true, shortNames: ["rs"], categories: ["all"] }),
  ],
  "metrics.k8s.io/v1beta1": [
    resource({ name: "nodes", kind: "NodeMetrics", namespaced: false, verbs: ["get", "list"] }),
    resource({ name: "pods", kind: "PodMetrics", namespaced: true, verbs: ["get", "list"] }),
  ],
} as const;
export type GroupVersion = keyof typeof GROUPS;

export const versionInfo = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.3",
  gitCommit: "uptrust-emulator",
  gitTreeState: "clean",
  buildDate: "2025-03-11T00:00:00Z",
  goVersion: "go1.23.6",
  compiler: "gc",
  platform: "linux/amd64",
};

export const apiVersions = (host: string) => ({
  kind: "APIVersions",
  versions: ["v1"],
  serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: host }],
});

const group = (name: string, version: string) => {
  const gv = { groupVersion: `${name}/${version}`, version };
  return { name, versions: [gv], preferredVersion: gv };
};

export const apiGroupList = { kind: "APIGroupList", apiVersion: "v1", groups: [group("apps", "v1"), group("metrics.k8s.io", "v1beta1")] };

export const resourceList = (gv: GroupVersion) => ({ kind: "APIResourceList", apiVersion: "v1", groupVersion: gv, resources: GROUPS[gv] });
