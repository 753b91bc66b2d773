import { KINDS, type Served } from "./kinds.ts";

const READ = ["get", "list", "watch"];
function describe(r: Served) {
  const out = { singularName: r.singularName ?? r.kind.toLowerCase(), verbs: READ, ...r };
  delete out.store;
  return out;
}

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

const groupVersions = () => Object.keys(KINDS).filter((gv) => gv.includes("/"));

function apiGroup(name: string) {
  const versions = groupVersions()
    .filter((gv) => gv.split("/")[0] === name)
    .map((gv) => ({ groupVersion: gv, version: gv.split("/")[1] }));
  return versions.length ? { name, versions, preferredVersion: versions[0] } : undefined;
}

/** GET /apis/{group}: the APIGroup object, or undefined for a group this cluster does not serve. */
export const apiGroupObject = (name: string) => {
  const g = apiGroup(name);
  return g && { kind: "APIGroup", apiVersion: "v1", ...g };
};

export const apiGroupList = () => ({
  kind: "APIGroupList",
  apiVersion: "v1",
  groups: [...new Set(groupVersions().map((gv) => gv.split("/")[0]))].map((name) => apiGroup(name)!),
});

export const resourceList = (gv: string) => ({ kind: "APIResourceList", apiVersion: "v1", groupVersion: gv, resources: KINDS[gv].map(describe) });
